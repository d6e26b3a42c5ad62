using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using RotationAnalytics.Domain.Horizons;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Rotation;
using RotationAnalytics.Domain.Streaks;

namespace RotationAnalytics.Api.OpenApi;

/// <summary>
/// How a parameter is typed in the OpenAPI document. Parameters are bound as strings on purpose (the app parses them
/// strictly and answers a ProblemDetails naming the parameter), so the document says what the app accepts: a date, a
/// whole number in a range, one of some words, a comma-separated list. <see cref="Example"/> is used where the action's
/// XML comment gives none.
/// </summary>
/// <param name="Schema">Builds a fresh schema (schemas are mutable; each operation gets its own).</param>
/// <param name="Example">Typed example value from the shared market data.</param>
public sealed record ParameterSchema(Func<OpenApiSchema> Schema, JsonNode Example)
{
    /// <summary>A list given as one comma-separated value (<c>symbols=IWM,QQQ</c>): OpenAPI <c>style: form, explode: false</c>.</summary>
    public bool CommaSeparated { get; init; }
}

/// <summary>
/// The one table of parameter types, keyed by parameter name (query or path). The ranges are those the controllers
/// enforce; OpenApiDocumentTests sends the bounds and one step beyond each to the live API, so a range changed in a
/// controller and not here fails a test, and so does a parameter this table does not know.
/// </summary>
public static class ParameterSchemas
{
    /// <summary>SPEC §1 symbols, plus the aliases' '^' (e.g. <c>^GSPC</c>); case-insensitive.</summary>
    public const string SymbolPattern = "^[A-Za-z0-9.^-]{1,15}$";

    public const string GroupPattern = "^[A-Za-z0-9_-]{1,60}$";

    public const int MaxSymbols = Http.QueryParameters.MaxSymbols;

    private static readonly Dictionary<string, ParameterSchema> ByName = new(StringComparer.Ordinal)
    {
        ["symbol"] = Symbol("RUT"),
        ["benchmark"] = Symbol("SPX"),
        ["symbols"] = SymbolList("IWM", "QQQ"),
        ["compare"] = SymbolList("COMP"),
        ["group"] = new(() => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = GroupPattern }, "us-sectors"),
        ["name"] = new(() => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = GroupPattern }, "regional-banks"),
        ["asOf"] = Date("2026-01-22"),
        ["date"] = Date("2026-01-22"),
        ["from"] = Date("2026-01-02"),
        ["to"] = Date("2026-01-22"),
        ["page"] = WholeNumber(1, 1_000_000, 1),
        ["pageSize"] = WholeNumber(1, 500, 50),
        ["minLength"] = WholeNumber(1, 10_000, 10),
        ["period"] = WholeNumber(2, 250, 14),
        ["window"] = WholeNumber(5, 756, 63),
        ["tail"] = WholeNumber(1, 260, 10),
        ["ratioWindow"] = WholeNumber(10, 252, 52),
        ["momentumWindow"] = WholeNumber(5, 126, 13),
        ["momentumLag"] = WholeNumber(1, 52, 5),
        ["limit"] = WholeNumber(1, 500, 50),
        ["id"] = new(() => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" }, 1),
        ["overbought"] = Number(0, 100, 70),
        ["oversold"] = Number(0, 100, 30),
        ["basis"] = Choice(Words<PriceBasis>()),
        ["direction"] = Choice(Words<StreakDirection>()),
        ["interval"] = Choice(Words<RotationInterval>()),
        ["returnType"] = Choice(["price", "total"]),
        ["lang"] = Choice(["en", "zh"]),
        ["rsLine"] = new(() => new OpenApiSchema { Type = JsonSchemaType.Boolean }, false),
        // /performance: horizon codes in the order wanted; /streaks/aftermath overrides with trading-day counts.
        ["horizons"] = new(
            () => new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. PerformanceHorizons.All.Select(h => (JsonNode)PerformanceHorizons.Code(h))] },
                UniqueItems = true,
                MinItems = 1,
            },
            new JsonArray("1M", "YTD", "1Y"))
        { CommaSeparated = true },
        // json everywhere; the operation filter adds csv where the action is [ProducesAlternative(ResponseFormat.Csv)].
        ["format"] = Choice(["json"]),
    };

    /// <summary>Where one name means different things on different routes (route template without the leading '/').</summary>
    private static readonly Dictionary<(string Route, string Name), ParameterSchema> ByRoute = new()
    {
        [("streaks/aftermath", "horizons")] = new(
            () => new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "2520" },
                UniqueItems = true,
                MinItems = 1,
                MaxItems = 10,
            },
            new JsonArray(5, 21, 63, 126))
        { CommaSeparated = true },
    };

    /// <summary>Every parameter name the table types.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static ParameterSchema? Find(string route, string name) =>
        ByRoute.TryGetValue((route, name), out var specific) ? specific : ByName.GetValueOrDefault(name);

    /// <summary>
    /// The example as a value of the schema's type: XML comments give examples as text (<c>10</c>, <c>1M,YTD,1Y</c>).
    /// </summary>
    public static JsonNode? Typed(IOpenApiSchema schema, string text) => schema.Type switch
    {
        JsonSchemaType.Array => new JsonArray([.. text.Split(',', StringSplitOptions.TrimEntries).Select(item => Typed(schema.Items!, item))]),
        JsonSchemaType.Integer => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole : null,
        JsonSchemaType.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null,
        JsonSchemaType.Boolean => bool.TryParse(text, out var flag) ? flag : null,
        _ => text,
    };

    private static ParameterSchema Symbol(string example) =>
        new(() => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = SymbolPattern }, example);

    private static ParameterSchema SymbolList(params string[] example) => new(
        () => new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = SymbolPattern },
            MinItems = 1,
            MaxItems = MaxSymbols,
        },
        new JsonArray([.. example.Select(s => (JsonNode)s)]))
    { CommaSeparated = true };

    private static ParameterSchema Date(string example) =>
        new(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" }, example);

    private static ParameterSchema WholeNumber(int minimum, int maximum, int example) => new(
        () => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = minimum.ToString(CultureInfo.InvariantCulture),
            Maximum = maximum.ToString(CultureInfo.InvariantCulture),
        },
        example);

    private static ParameterSchema Number(double minimum, double maximum, double example) => new(
        () => new OpenApiSchema
        {
            Type = JsonSchemaType.Number,
            Format = "double",
            Minimum = minimum.ToString(CultureInfo.InvariantCulture),
            Maximum = maximum.ToString(CultureInfo.InvariantCulture),
        },
        example);

    internal static ParameterSchema Choice(IReadOnlyList<string> words) =>
        new(() => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. words.Select(w => (JsonNode)w)] }, words[0]);

    /// <summary>The words the app accepts for an enum: its member names, camelCase as in every JSON answer.</summary>
    private static string[] Words<T>() where T : struct, Enum =>
        [.. Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])];
}
