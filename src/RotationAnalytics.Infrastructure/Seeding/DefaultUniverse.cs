using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Seeding;

/// <summary>The built-in universe of SPEC §1: four US indexes, seven broad ETFs and the 11 SPDR sector funds.</summary>
public static class DefaultUniverse
{
    public const string SectorGroup = "us-sectors";

    public static IReadOnlyList<Instrument> Create() =>
    [
        Index("RUT", "Russell 2000", "^RUT", stooq: null, polygon: "I:RUT", groups: ["us-indexes", "small-caps"], aliases: ["^RUT"]),
        Index("SPX", "S&P 500", "^GSPC", stooq: "^spx", polygon: "I:SPX", groups: ["us-indexes", "large-caps"], aliases: ["^GSPC", "GSPC", "^SPX"]),
        Index("COMP", "Nasdaq Composite", "^IXIC", stooq: "^ndq", polygon: "I:COMP", groups: ["us-indexes"], aliases: ["^IXIC", "IXIC"]),
        Index("DJI", "Dow Jones Industrial Average", "^DJI", stooq: "^dji", polygon: "I:DJI", groups: ["us-indexes", "large-caps"], aliases: ["^DJI"]),
        Etf("IWM", "iShares Russell 2000 ETF", null, ["broad-etfs", "small-caps"]),
        Etf("SPY", "SPDR S&P 500 ETF Trust", null, ["broad-etfs", "large-caps"]),
        Etf("QQQ", "Invesco QQQ Trust", null, ["broad-etfs"]),
        Etf("DIA", "SPDR Dow Jones Industrial Average ETF Trust", null, ["broad-etfs", "large-caps"]),
        Etf("IJR", "iShares Core S&P Small-Cap ETF", null, ["broad-etfs", "small-caps"]),
        Etf("MDY", "SPDR S&P MidCap 400 ETF Trust", null, ["broad-etfs"]),
        Etf("KRE", "SPDR S&P Regional Banking ETF", null, ["broad-etfs"]),
        Etf("XLB", "Materials Select Sector SPDR Fund", "Materials", [SectorGroup]),
        Etf("XLC", "Communication Services Select Sector SPDR Fund", "Communication Services", [SectorGroup]),
        Etf("XLE", "Energy Select Sector SPDR Fund", "Energy", [SectorGroup]),
        Etf("XLF", "Financial Select Sector SPDR Fund", "Financials", [SectorGroup]),
        Etf("XLI", "Industrial Select Sector SPDR Fund", "Industrials", [SectorGroup]),
        Etf("XLK", "Technology Select Sector SPDR Fund", "Information Technology", [SectorGroup]),
        Etf("XLP", "Consumer Staples Select Sector SPDR Fund", "Consumer Staples", [SectorGroup]),
        Etf("XLRE", "Real Estate Select Sector SPDR Fund", "Real Estate", [SectorGroup]),
        Etf("XLU", "Utilities Select Sector SPDR Fund", "Utilities", [SectorGroup]),
        Etf("XLV", "Health Care Select Sector SPDR Fund", "Health Care", [SectorGroup]),
        Etf("XLY", "Consumer Discretionary Select Sector SPDR Fund", "Consumer Discretionary", [SectorGroup]),
    ];

    private static Instrument Index(string symbol, string name, string yahoo, string? stooq, string polygon, List<string> groups, List<string> aliases)
    {
        var providerSymbols = new List<ProviderSymbol>
        {
            new() { Provider = "yahoo", Symbol = yahoo },
            new() { Provider = "polygon", Symbol = polygon },
        };
        if (stooq is not null)
        {
            providerSymbols.Add(new ProviderSymbol { Provider = "stooq", Symbol = stooq });
        }

        return new Instrument
        {
            Symbol = symbol, Name = name, Kind = "index", Currency = "USD",
            Groups = groups, Aliases = aliases, ProviderSymbols = providerSymbols,
        };
    }

    private static Instrument Etf(string symbol, string name, string? sector, List<string> groups) => new()
    {
        Symbol = symbol, Name = name, Kind = "etf", Currency = "USD", Sector = sector, Groups = groups,
        ProviderSymbols = ProviderSymbolDefaults.For(symbol, "etf"),
    };
}
