using System.Data;
using Npgsql;
using NpgsqlTypes;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>
/// Reads the store into a <see cref="MarketSnapshot"/>: in full at start, then incrementally — only the instruments
/// whose data changed since the previous version (data_changes) are re-read. Everything is read in one repeatable-read
/// transaction, so the image is exactly the state its version names. Bars come through one binary COPY; a change of an
/// instrument's corporate actions re-reads its series like a change of its bars.
/// </summary>
public sealed class MarketSnapshotLoader(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>A full read of tens of millions of bars can outlast the 30 s default.</summary>
    private const int BulkReadTimeoutSeconds = 300;

    /// <summary>
    /// The snapshot at the store's current version: <paramref name="previous"/> itself when nothing changed, else a new
    /// image sharing the unchanged series with it.
    /// </summary>
    public async Task<MarketSnapshot> LoadAsync(MarketSnapshot? previous, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var (version, changedAt) = await ReadVersionAsync(connection, cancellationToken);
        if (previous is not null && previous.Version == version)
        {
            return previous;
        }

        // A version below the previous one means the database was replaced: only a full read is trustworthy.
        var changes = previous is null || version < previous.Version ? null : await ReadChangesAsync(connection, previous.Version, cancellationToken);
        var full = changes is null || changes.Full;
        var barInstruments = full ? null : changes!.BarInstruments;

        var instruments = full || changes!.Instruments
            ? await ReadInstrumentsAsync(connection, cancellationToken)
            : previous!.Instruments;
        var series = full
            ? new Dictionary<int, InstrumentSeries>()
            : new Dictionary<int, InstrumentSeries>(previous!.SeriesById);
        var sources = full
            ? new Dictionary<long, SnapshotSource>()
            : new Dictionary<long, SnapshotSource>(previous!.Sources);
        if (full || barInstruments!.Count > 0)
        {
            foreach (var id in barInstruments ?? [])
            {
                series.Remove(id);
            }

            // Sources first: each run of bars records what its batch says about dividends.
            await ReadSourcesAsync(connection, barInstruments, sources, cancellationToken);
            var dividends = await ReadDividendsAsync(connection, barInstruments, cancellationToken);
            await ReadBarsAsync(connection, barInstruments, series, sources, dividends, cancellationToken);
        }

        // A deleted instrument's bars go with it (cascade); drop what no longer has an instrument.
        var known = instruments.Select(i => i.Id).ToHashSet();
        foreach (var id in series.Keys.Where(id => !known.Contains(id)).ToList())
        {
            series.Remove(id);
        }

        await transaction.CommitAsync(cancellationToken);
        return new MarketSnapshot(version, changedAt, time.GetUtcNow(), instruments, series, sources);
    }

    /// <summary>The store's data version alone: the cheap check behind the periodic poll.</summary>
    public async Task<long> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await ReadVersionAsync(connection, cancellationToken)).Version;
    }

    private static async Task<(long Version, DateTimeOffset ChangedAt)> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Short: an unanswered version check means the database is gone, and the readiness check should say so soon.
        await using var command = new NpgsqlCommand("SELECT version, changed_at FROM data_version WHERE id = 1", connection) { CommandTimeout = 10 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("data_version has no row: the database is not migrated.");
        }

        return (reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    private sealed record Changes(bool Full, bool Instruments, IReadOnlyCollection<int> BarInstruments);

    private static async Task<Changes> ReadChangesAsync(NpgsqlConnection connection, long since, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT DISTINCT kind, instrument_id FROM data_changes WHERE version > @since", connection);
        command.Parameters.AddWithValue("since", since);
        bool full = false, instruments = false;
        var bars = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            switch (reader.GetString(0))
            {
                case "bars" or "corporate_actions":
                    bars.Add(reader.GetInt32(1));
                    break;
                case "instruments":
                    instruments = true;
                    break;
                default:
                    full = true;
                    break;
            }
        }

        return new Changes(full, instruments, bars);
    }

    private static async Task<List<SnapshotInstrument>> ReadInstrumentsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, symbol, name, kind, currency, sector, groups, aliases, retired_at FROM instruments ORDER BY symbol", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var instruments = new List<SnapshotInstrument>();
        while (await reader.ReadAsync(cancellationToken))
        {
            instruments.Add(new SnapshotInstrument(
                reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<string[]>(6), reader.GetFieldValue<string[]>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return instruments;
    }

    /// <summary>Bars of the given instruments (all when null), ordered by instrument and date, through one binary COPY.</summary>
    private static async Task ReadBarsAsync(
        NpgsqlConnection connection,
        IReadOnlyCollection<int>? instrumentIds,
        Dictionary<int, InstrumentSeries> into,
        Dictionary<long, SnapshotSource> sources,
        Dictionary<int, DividendColumns> dividends,
        CancellationToken cancellationToken)
    {
        var filter = instrumentIds is null ? string.Empty : $"WHERE instrument_id IN ({string.Join(',', instrumentIds)})";
        await using var export = await connection.BeginBinaryExportAsync(
            $"""
            COPY (SELECT instrument_id, date, open, high, low, close, adjusted_close, volume, flags, source_batch_id
                  FROM daily_bars {filter} ORDER BY instrument_id, date) TO STDOUT (FORMAT BINARY)
            """,
            cancellationToken);
        export.Timeout = TimeSpan.FromSeconds(BulkReadTimeoutSeconds);
        var builder = new InstrumentSeriesBuilder(id => sources.TryGetValue(id, out var source)
            ? (source.CorporateActionsReported, source.PriceKind == "adjusted")
            : (false, false));
        var current = -1;
        while (await export.StartRowAsync(cancellationToken) != -1)
        {
            var id = await export.ReadAsync<int>(NpgsqlDbType.Integer, cancellationToken);
            if (id != current)
            {
                if (current >= 0)
                {
                    into[current] = builder.Build(dividends.GetValueOrDefault(current));
                }

                current = id;
            }

            var date = await export.ReadAsync<DateOnly>(NpgsqlDbType.Date, cancellationToken);
            var open = await export.ReadAsync<double>(NpgsqlDbType.Double, cancellationToken);
            var high = await export.ReadAsync<double>(NpgsqlDbType.Double, cancellationToken);
            var low = await export.ReadAsync<double>(NpgsqlDbType.Double, cancellationToken);
            var close = await export.ReadAsync<double>(NpgsqlDbType.Double, cancellationToken);
            var adjusted = await ReadNullableAsync(export, cancellationToken);
            var volume = await ReadNullableAsync(export, cancellationToken);
            var flags = await export.ReadAsync<string[]>(NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            var source = await export.ReadAsync<long>(NpgsqlDbType.Bigint, cancellationToken);
            builder.Add(new PriceBar(date, open, high, low, close), adjusted, volume, flags, source);
        }

        if (current >= 0)
        {
            into[current] = builder.Build(dividends.GetValueOrDefault(current));
        }
    }

    /// <summary>Cash dividends of the given instruments (all when null), as columns per instrument ascending by ex-date.</summary>
    private static async Task<Dictionary<int, DividendColumns>> ReadDividendsAsync(
        NpgsqlConnection connection, IReadOnlyCollection<int>? instrumentIds, CancellationToken cancellationToken)
    {
        var filter = instrumentIds is null ? string.Empty : $"AND instrument_id IN ({string.Join(',', instrumentIds)})";
        await using var command = new NpgsqlCommand(
            $"SELECT instrument_id, ex_date, value, source_batch_id FROM corporate_actions WHERE kind = 'Dividend' {filter} ORDER BY instrument_id, ex_date",
            connection);
        var rows = new List<(int Id, DateOnly ExDate, double Amount, long Source)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt32(0), reader.GetFieldValue<DateOnly>(1), reader.GetDouble(2), reader.GetInt64(3)));
            }
        }

        return rows.GroupBy(r => r.Id).ToDictionary(
            g => g.Key,
            g => new DividendColumns([.. g.Select(r => r.ExDate)], [.. g.Select(r => r.Amount)], [.. g.Select(r => r.Source)]));
    }

    private static async ValueTask<double> ReadNullableAsync(NpgsqlBinaryExporter export, CancellationToken cancellationToken)
    {
        if (export.IsNull)
        {
            await export.SkipAsync(cancellationToken);
            return double.NaN;
        }

        return await export.ReadAsync<double>(NpgsqlDbType.Double, cancellationToken);
    }

    private static async Task ReadSourcesAsync(
        NpgsqlConnection connection, IReadOnlyCollection<int>? instrumentIds, Dictionary<long, SnapshotSource> into, CancellationToken cancellationToken)
    {
        var filter = instrumentIds is null ? string.Empty : $"WHERE instrument_id IN ({string.Join(',', instrumentIds)})";
        await using var command = new NpgsqlCommand(
            $"""
            SELECT id, instrument_id, provider, provider_symbol, url, retrieved_at, price_kind, first_date, last_date, attribution, is_synthetic,
                   corporate_actions_reported
            FROM source_batches {filter}
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var source = new SnapshotSource(
                reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6).ToLowerInvariant(),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateOnly>(8),
                reader.GetString(9), reader.GetBoolean(10), reader.GetBoolean(11));
            into[source.Id] = source;
        }
    }
}
