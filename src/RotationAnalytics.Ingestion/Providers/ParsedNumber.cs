using System.Globalization;

namespace RotationAnalytics.Ingestion.Providers;

/// <summary>Invariant-culture parsing shared by the providers; a malformed value becomes NaN and is rejected by validation.</summary>
internal static class ParsedNumber
{
    public static double Price(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    /// <summary>Empty means "not reported" (null); anything else unparsable is NaN.</summary>
    public static double? Optional(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Price(text);

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
