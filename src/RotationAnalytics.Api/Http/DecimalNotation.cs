using System.Globalization;

namespace RotationAnalytics.Api.Http;

/// <summary>
/// A double in plain positional notation with the shortest digits that round-trip: <c>-9.92E-05</c> is written
/// <c>-0.0000992</c>, <c>1E+21</c> <c>1000000000000000000000</c>. Spreadsheets and CSV readers do not all read
/// exponents (some take <c>E-05</c> as text), while parsing the plain form gives back exactly the same double.
/// </summary>
public static class DecimalNotation
{
    public static string Format(double value)
    {
        // "R" is the shortest string that parses back to the same double; it switches to an exponent below 1E-05 and
        // from 1E+15, and only then is it re-rendered, digit for digit.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var e = shortest.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return shortest; // also NaN and ±Infinity, which have no positional form
        }

        var exponent = int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = shortest[..e];
        var sign = mantissa.StartsWith('-') ? "-" : string.Empty;
        mantissa = mantissa[sign.Length..];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var integerDigits = (point < 0 ? mantissa.Length : point) + exponent;
        var plain = integerDigits <= 0 ? "0." + new string('0', -integerDigits) + digits
            : integerDigits >= digits.Length ? digits + new string('0', integerDigits - digits.Length)
            : digits[..integerDigits] + "." + digits[integerDigits..];
        return sign + plain;
    }
}
