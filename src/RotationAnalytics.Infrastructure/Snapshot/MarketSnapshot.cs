using System.Collections.Frozen;

namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>
/// An immutable image of the store at one data version: instruments with their aliases and groups, every instrument's
/// series, and the source batches the bars cite. A request takes the current snapshot once and answers entirely from
/// it, so all series of one answer come from one version, and that version is the answer's ETag.
/// </summary>
public sealed class MarketSnapshot
{
    private readonly FrozenDictionary<string, SnapshotInstrument> _bySymbolOrAlias;
    private readonly FrozenDictionary<string, SnapshotInstrument[]> _groups;

    public MarketSnapshot(
        long version,
        DateTimeOffset changedAt,
        DateTimeOffset loadedAt,
        IEnumerable<SnapshotInstrument> instruments,
        IReadOnlyDictionary<int, InstrumentSeries> series,
        IReadOnlyDictionary<long, SnapshotSource> sources)
    {
        Version = version;
        ChangedAt = changedAt;
        LoadedAt = loadedAt;
        Instruments = [.. instruments.OrderBy(i => i.Symbol, StringComparer.Ordinal)];
        SeriesById = series.ToFrozenDictionary();
        Sources = sources.ToFrozenDictionary();

        var lookup = new Dictionary<string, SnapshotInstrument>(StringComparer.OrdinalIgnoreCase);
        foreach (var instrument in Instruments)
        {
            lookup[instrument.Symbol] = instrument;
        }

        // Canonical symbols win over aliases should an alias ever collide with another instrument's symbol.
        foreach (var instrument in Instruments)
        {
            foreach (var alias in instrument.Aliases)
            {
                lookup.TryAdd(alias, instrument);
            }
        }

        _bySymbolOrAlias = lookup.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _groups = Instruments
            .SelectMany(i => i.Groups.Select(g => (Group: g, Instrument: i)))
            .GroupBy(p => p.Group, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Instrument).ToArray(), StringComparer.OrdinalIgnoreCase);
        BarCount = SeriesById.Values.Sum(s => (long)s.Count);
    }

    /// <summary>The data version this image shows (SPEC §4).</summary>
    public long Version { get; }

    /// <summary>When the store last changed, by the database's clock.</summary>
    public DateTimeOffset ChangedAt { get; }

    /// <summary>When this image was read.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Every instrument, ordered by symbol.</summary>
    public IReadOnlyList<SnapshotInstrument> Instruments { get; }

    public FrozenDictionary<int, InstrumentSeries> SeriesById { get; }

    public FrozenDictionary<long, SnapshotSource> Sources { get; }

    public long BarCount { get; }

    /// <summary>Bytes held by the series arrays: the bulk of the snapshot (instruments and sources are small).</summary>
    public long SeriesBytes => SeriesById.Values.Sum(s => s.Bytes);

    public SnapshotInstrument? Find(string symbolOrAlias) => _bySymbolOrAlias.GetValueOrDefault(symbolOrAlias.Trim());

    /// <summary>Members of a group, ordered by symbol; empty when no instrument lists it.</summary>
    public IReadOnlyList<SnapshotInstrument> GroupMembers(string group) => _groups.GetValueOrDefault(group.Trim()) ?? [];

    public InstrumentSeries Series(SnapshotInstrument instrument) => SeriesById.GetValueOrDefault(instrument.Id) ?? InstrumentSeries.Empty;
}
