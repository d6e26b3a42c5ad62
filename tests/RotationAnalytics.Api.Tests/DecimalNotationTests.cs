using System.Globalization;
using System.Text.RegularExpressions;
using RotationAnalytics.Api.Http;

namespace RotationAnalytics.Api.Tests;

public sealed partial class DecimalNotationTests
{
    [Theory]
    [InlineData(-9.92E-05, "-0.0000992")]
    [InlineData(1E-05, "0.00001")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1.2345E-07, "0.00000012345")]
    [InlineData(1E+15, "1000000000000000")]
    [InlineData(1.5E+21, "1500000000000000000000")]
    [InlineData(-1.2345E+16, "-12345000000000000")]
    [InlineData(123.456, "123.456")]
    [InlineData(0.1, "0.1")]
    [InlineData(0d, "0")]
    [InlineData(-0d, "-0")]
    [InlineData(double.NaN, "NaN")]
    public void Writes_the_shortest_round_trip_digits_in_positional_notation(double value, string expected)
    {
        DecimalNotation.Format(value).Should().Be(expected);
    }

    [Fact]
    public void The_smallest_and_the_largest_doubles_are_written_out_in_full()
    {
        DecimalNotation.Format(double.Epsilon).Should().Be("0." + new string('0', 323) + "5");
        DecimalNotation.Format(double.MaxValue).Should().Be("17976931348623157" + new string('0', 292));
    }

    [Fact]
    public void Any_finite_double_round_trips_exactly_and_never_has_an_exponent()
    {
        var random = new Random(20260123);
        var values = new List<double> { double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, 2.2250738585072014E-308, 1E+308, 1E-300 };
        for (var i = 0; i < 100_000; i++)
        {
            // Random bit patterns cover every exponent (tiny, huge, subnormal) far better than random doubles in [0, 1).
            values.Add(BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)));
            values.Add((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-30, 30)));
        }

        foreach (var value in values.Where(double.IsFinite))
        {
            var text = DecimalNotation.Format(value);

            Plain().IsMatch(text).Should().BeTrue($"{value:R} was written {text}");
            BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture))
                .Should().Be(BitConverter.DoubleToInt64Bits(value), $"{text} should parse back to {value:R}");
            text.TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal).Trim('0').Length
                .Should().BeLessThanOrEqualTo(17, $"{text} keeps the shortest digits of {value:R}");
        }
    }

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex Plain();
}
