namespace RotationAnalytics.Infrastructure.Entities;

/// <summary>A tradable or index series the service stores bars for (SPEC §1).</summary>
public class Instrument
{
    public int Id { get; set; }

    /// <summary>Canonical upper-case symbol, e.g. RUT, SPX, XLK.</summary>
    public required string Symbol { get; set; }

    public required string Name { get; set; }

    /// <summary><c>index</c>, <c>etf</c> or <c>stock</c>.</summary>
    public required string Kind { get; set; }

    public required string Currency { get; set; }

    /// <summary>GICS sector name for sector funds, else null.</summary>
    public string? Sector { get; set; }

    /// <summary>Group names, e.g. <c>us-sectors</c>; groups are data, any can feed breadth.</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>Upper-case alternative spellings accepted in symbol parameters, e.g. ^GSPC for SPX.</summary>
    public List<string> Aliases { get; set; } = [];

    public List<ProviderSymbol> ProviderSymbols { get; set; } = [];

    /// <summary>When an admin retired it: no longer pulled; its bars and provenance stay and still answer queries.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
}
