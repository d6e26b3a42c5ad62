using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RotationAnalytics.Api.Http;

/// <summary>
/// Strict parsing of query parameters into typed values, recording one message per bad parameter in the model
/// state so the response is a 400 ValidationProblemDetails naming each of them. Dates are bound as strings and
/// parsed here because only yyyy-MM-dd is accepted (culture-dependent forms such as 1/2/2026 are ambiguous).
/// </summary>
public sealed class QueryParameters(ModelStateDictionary modelState, DateOnly today)
{
    public const int MaxSymbols = 25;

    public bool IsValid => modelState.IsValid;

    public void Fail(string parameter, string message) => modelState.AddModelError(parameter, message);

    public DateOnly? Date(string parameter, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Fail(parameter, $"'{value}' is not a date in the form yyyy-MM-dd.");
            return null;
        }

        if (date > today)
        {
            Fail(parameter, $"{value} is in the future (today is {today:yyyy-MM-dd} in New York).");
            return null;
        }

        return date;
    }

    /// <summary>Checks from ≤ to when both are present.</summary>
    public void Ordered(string fromParameter, DateOnly? from, string toParameter, DateOnly? to)
    {
        if (from is { } f && to is { } t && f > t)
        {
            Fail(fromParameter, $"{fromParameter} ({f:yyyy-MM-dd}) is after {toParameter} ({t:yyyy-MM-dd}).");
            Fail(toParameter, $"{toParameter} ({t:yyyy-MM-dd}) is before {fromParameter} ({f:yyyy-MM-dd}).");
        }
    }

    public int WholeNumber(string parameter, string? value, int defaultValue, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return defaultValue;
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            Fail(parameter, $"'{value}' is not a whole number.");
            return defaultValue;
        }

        if (number < min || number > max)
        {
            Fail(parameter, $"{parameter} must be between {min} and {max}; got {number}.");
        }

        return number;
    }

    public double Number(string parameter, string? value, double defaultValue, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return defaultValue;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            Fail(parameter, $"'{value}' is not a number.");
            return defaultValue;
        }

        if (number < min || number > max)
        {
            Fail(parameter, $"{parameter} must be between {min} and {max}; got {number}.");
        }

        return number;
    }

    /// <summary>A required single symbol, syntactically checked (SPEC §1: [A-Z0-9.^-]{1,15}, any case).</summary>
    public string? Symbol(string parameter, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Fail(parameter, $"{parameter} is required.");
            }

            return null;
        }

        var symbol = value.Trim();
        if (symbol.Length > 15 || !symbol.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '^' or '-'))
        {
            Fail(parameter, $"'{value}' is not a symbol (1–15 letters, digits, '.', '^' or '-').");
            return null;
        }

        return symbol;
    }

    /// <summary>A comma-separated list of symbols, duplicates removed, at most <see cref="MaxSymbols"/>.</summary>
    public IReadOnlyList<string>? Symbols(string parameter, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Fail(parameter, $"{parameter} is required (comma-separated symbols).");
            }

            return null;
        }

        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > MaxSymbols)
        {
            Fail(parameter, $"At most {MaxSymbols} symbols are allowed; got {parts.Length}.");
            return null;
        }

        var symbols = new List<string>();
        foreach (var part in parts)
        {
            if (Symbol(parameter, part) is { } symbol && !symbols.Contains(symbol, StringComparer.OrdinalIgnoreCase))
            {
                symbols.Add(symbol);
            }
        }

        return symbols;
    }

    /// <summary>
    /// A comma-separated list of whole numbers, each in [min, max], at most <paramref name="maxCount"/>, none repeated
    /// (a repeated horizon would only repeat a column); null when absent.
    /// </summary>
    public int[]? WholeNumbers(string parameter, string? value, int min, int max, int maxCount)
    {
        if (value is null)
        {
            return null;
        }

        var parts = value.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length > maxCount)
        {
            Fail(parameter, $"At most {maxCount} values are allowed; got {parts.Length}.");
            return null;
        }

        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                Fail(parameter, $"'{parts[i]}' is not a whole number.");
                return null;
            }

            if (number < min || number > max)
            {
                Fail(parameter, $"Each value of {parameter} must be between {min} and {max}; got {number}.");
                return null;
            }

            if (Array.IndexOf(numbers, number, 0, i) >= 0)
            {
                Fail(parameter, $"{parameter} lists {number} more than once.");
                return null;
            }

            numbers[i] = number;
        }

        return numbers;
    }

    /// <summary>An instrument group name (1–60 letters, digits, '-' or '_'); null when absent.</summary>
    public string? Group(string parameter, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!GroupNames.IsValid(value))
        {
            Fail(parameter, GroupNames.Rule);
            return null;
        }

        return value;
    }

    /// <summary><c>returnType</c>: <c>price</c> (default) or <c>total</c> (SPEC §2).</summary>
    public RotationAnalytics.Domain.Returns.ReturnType ReturnType(string parameter, string? value) =>
        Choice(parameter, value, "price", "price", "total") == "total"
            ? RotationAnalytics.Domain.Returns.ReturnType.Total
            : RotationAnalytics.Domain.Returns.ReturnType.Price;

    /// <summary>One of the allowed words, case-insensitive.</summary>
    public string Choice(string parameter, string? value, string defaultValue, params string[] allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return defaultValue;
        }

        var match = allowed.FirstOrDefault(a => a.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            Fail(parameter, $"'{value}' is not one of: {string.Join(", ", allowed)}.");
            return defaultValue;
        }

        return match;
    }
}
