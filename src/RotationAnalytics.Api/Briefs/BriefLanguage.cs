using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RotationAnalytics.Infrastructure.Snapshot;

namespace RotationAnalytics.Api.Briefs;

/// <summary>
/// One language of the rotation brief as data (<c>Briefs/Templates/brief.{lang}.json</c>, embedded): the sentences
/// with named placeholders such as <c>{length}</c>, headings, words, instrument and sector names, and how numbers and
/// dates are written. Code never concatenates sentence text; it only fills placeholders with values formatted here.
/// </summary>
public sealed partial class BriefLanguage
{
    /// <summary>
    /// Digits, separators and (English) month names of the invariant culture: the service runs with invariant
    /// globalization, and a language needing other month names writes its dates with numbers (2026年1月22日).
    /// </summary>
    private static readonly CultureInfo Digits = CultureInfo.InvariantCulture;

    private static readonly JsonSerializerOptions TemplateJson = new(JsonSerializerDefaults.Web);

    private BriefLanguage(BriefTemplate template) => Template = template;

    public BriefTemplate Template { get; }

    public string Code => Template.Language;

    public static BriefLanguage Load(string code)
    {
        var name = $"{typeof(BriefLanguage).Namespace}.Templates.brief.{code}.json";
        using var stream = typeof(BriefLanguage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The brief template {name} is not embedded.");
        var template = JsonSerializer.Deserialize<BriefTemplate>(stream, TemplateJson)
            ?? throw new InvalidOperationException($"The brief template {name} is empty.");
        return new BriefLanguage(template);
    }

    /// <summary>The sentence <paramref name="key"/> with every placeholder filled; a placeholder left unfilled is a template bug.</summary>
    public string Sentence(string key, params (string Name, string Value)[] values)
    {
        if (!Template.Sentences.TryGetValue(key, out var text))
        {
            throw new InvalidOperationException($"The {Code} brief template has no sentence '{key}'.");
        }

        return Placeholder().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            foreach (var (n, v) in values)
            {
                if (n == name)
                {
                    return v;
                }
            }

            throw new InvalidOperationException($"The {Code} sentence '{key}' needs a value for {{{name}}}.");
        });
    }

    public string Heading(string key) => Template.Headings[key];

    public string Word(string key) => Template.Words[key];

    /// <summary>A decimal fraction as a signed percentage with two decimals (+9.11%); zero after rounding has no sign.</summary>
    public string Percent(double fraction) => Template.Percent.Replace("{value}", Signed(fraction * 100, "0.00"), StringComparison.Ordinal);

    /// <summary>A share (0..1) as an unsigned percentage with two decimals.</summary>
    public string Share(double fraction) =>
        Template.Percent.Replace("{value}", (fraction * 100).ToString("0.00", Digits), StringComparison.Ordinal);

    /// <summary>A decimal fraction in basis points with one decimal (0.00583 → +58.3 bp).</summary>
    public string BasisPoints(double fraction) =>
        Template.BasisPoints.Replace("{value}", Signed(fraction * 10_000, "0.0"), StringComparison.Ordinal);

    public string Price(double price) => price.ToString("#,##0.00", Digits);

    public string Number(double value) => value.ToString("0.00", Digits);

    public string Count(int count) => count.ToString(Digits);

    public string Date(DateOnly date) => date.ToString(Template.DateFormat, Digits);

    public string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The instrument's name in this language (its stored name unless the template has one) with its symbol.</summary>
    public string Instrument(SnapshotInstrument instrument) => Template.Instrument
        .Replace("{name}", Template.InstrumentNames.GetValueOrDefault(instrument.Symbol, instrument.Name), StringComparison.Ordinal)
        .Replace("{symbol}", instrument.Symbol, StringComparison.Ordinal);

    public string Sector(string? sector, string symbol) =>
        sector is null ? symbol : Template.SectorNames.GetValueOrDefault(sector, sector);

    public string List(IEnumerable<string> items) => string.Join(Template.ListSeparator, items);

    /// <summary>Clauses of one sentence (a list whose items have commas of their own).</summary>
    public string Clauses(IEnumerable<string> clauses) => string.Join(Template.ClauseSeparator, clauses);

    /// <summary>Claims of a section joined into its text, each followed by its citation markers.</summary>
    public string Join(IEnumerable<string> sentences) => string.Join(Template.SentenceSeparator, sentences);

    private string Signed(double value, string format)
    {
        var text = Math.Abs(value).ToString(format, Digits);
        var rounded = double.Parse(text, NumberStyles.Float, Digits);
        return rounded == 0 ? text : (value > 0 ? "+" : Template.MinusSign) + text;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>The JSON form of one language's brief template.</summary>
public sealed record BriefTemplate(
    string Language,
    string DateFormat,
    string MinusSign,
    string Percent,
    string BasisPoints,
    string ListSeparator,
    string ClauseSeparator,
    string SentenceSeparator,
    string Instrument,
    IReadOnlyDictionary<string, string> InstrumentNames,
    IReadOnlyDictionary<string, string> SectorNames,
    IReadOnlyDictionary<string, string> Words,
    IReadOnlyDictionary<string, string> Headings,
    IReadOnlyDictionary<string, string> Sentences);

/// <summary>The languages the brief is written in, loaded once at start.</summary>
public sealed class BriefLanguages
{
    public static readonly IReadOnlyList<string> Supported = ["en", "zh"];

    private readonly Dictionary<string, BriefLanguage> _languages = Supported.ToDictionary(code => code, BriefLanguage.Load);

    public BriefLanguage this[string code] => _languages[code];
}
