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

    /// <summary>Members of a group, ordered by symbol.</summary>
    public IReadOnlyList<Instrument> Group(string group) =>
        All.Where(i => i.Groups.Contains(group, StringComparer.OrdinalIgnoreCase)).OrderBy(i => i.Symbol, StringComparer.Ordinal).ToList();
}
