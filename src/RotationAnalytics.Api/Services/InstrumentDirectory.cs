using RotationAnalytics.Infrastructure.Entities;
using RotationAnalytics.Infrastructure.Reading;

namespace RotationAnalytics.Api.Services;

/// <summary>The instruments of the store, resolvable by canonical symbol or alias, case-insensitively (SPEC §5).</summary>
public sealed class InstrumentDirectory
{
    private readonly Dictionary<string, Instrument> _bySymbolOrAlias = new(StringComparer.OrdinalIgnoreCase);

    private InstrumentDirectory(IReadOnlyList<Instrument> instruments)
    {
        All = instruments;
        foreach (var instrument in instruments)
        {
            _bySymbolOrAlias[instrument.Symbol] = instrument;
        }

        // Canonical symbols win over aliases should an alias ever collide with another instrument's symbol.
        foreach (var instrument in instruments)
        {
            foreach (var alias in instrument.Aliases)
            {
                _bySymbolOrAlias.TryAdd(alias, instrument);
            }
        }
    }

    public IReadOnlyList<Instrument> All { get; }

    public static async Task<InstrumentDirectory> LoadAsync(MarketDataReader reader, CancellationToken cancellationToken) =>
        new(await reader.GetInstrumentsAsync(cancellationToken));

    public Instrument? Find(string symbolOrAlias) => _bySymbolOrAlias.GetValueOrDefault(symbolOrAlias.Trim());

    /// <summary>Every symbol of a <c>symbols</c> list resolved, in order, or a 404 naming the first unknown one.</summary>
    public QueryResult<IReadOnlyList<Instrument>> FindAll(IEnumerable<string> symbols)
    {
        var found = new List<Instrument>();
        foreach (var symbol in symbols)
        {
            if (Find(symbol) is not { } instrument)
            {
                return QueryError.UnknownSymbol("symbols", symbol);
            }

            found.Add(instrument);
        }

        return found;
    }

    /// <summary>Members of a group, ordered by symbol.</summary>
    public IReadOnlyList<Instrument> Group(string group) =>
        All.Where(i => i.Groups.Contains(group, StringComparer.OrdinalIgnoreCase)).OrderBy(i => i.Symbol, StringComparer.Ordinal).ToList();
}
