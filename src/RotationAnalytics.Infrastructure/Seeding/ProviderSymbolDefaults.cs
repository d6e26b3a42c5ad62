using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Seeding;

/// <summary>
/// How each provider spells a US listing by default, derived from the canonical symbol: Yahoo <c>HBAN</c> (a class
/// share <c>BRK.B</c> as <c>BRK-B</c>), Stooq <c>hban.us</c>, Alpha Vantage <c>HBAN</c>, Tiingo <c>hban</c> (<c>brk-b</c>),
/// Polygon <c>HBAN</c>. An index has no listing to derive from beyond the common caret forms: Yahoo <c>^DJI</c>, Stooq
/// <c>^dji</c>, Polygon <c>I:DJI</c>.
/// </summary>
public static class ProviderSymbolDefaults
{
    /// <summary>The online providers an instrument can name a symbol for.</summary>
    public static readonly IReadOnlyList<string> Providers = ["yahoo", "stooq", "alphavantage", "tiingo", "polygon"];

    public static List<ProviderSymbol> For(string symbol, string kind)
    {
        var dashed = symbol.Replace('.', '-');
        IEnumerable<(string Provider, string Symbol)> spellings = kind == "index"
            ? [("yahoo", "^" + symbol), ("stooq", "^" + symbol.ToLowerInvariant()), ("polygon", "I:" + symbol)]
            :
            [
                ("yahoo", dashed),
                ("stooq", dashed.ToLowerInvariant() + ".us"),
                ("alphavantage", symbol),
                ("tiingo", dashed.ToLowerInvariant()),
                ("polygon", symbol),
            ];
        return [.. spellings.Select(s => new ProviderSymbol { Provider = s.Provider, Symbol = s.Symbol })];
    }
}
