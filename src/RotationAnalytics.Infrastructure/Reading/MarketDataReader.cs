using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.Reading;

/// <summary>
/// Read side of the bar store for analytics: one query for all series of a request (never one per row), read with
/// plain Npgsql because materialising tens of thousands of entities through the change-tracker-free EF pipeline still
/// costs several times more than reading five columns.
/// </summary>
public sealed class MarketDataReader(RotationDbContext db)
{
    /// <summary>
    /// Changes whenever an ingestion commit changes stored bars (every such commit creates a source batch), so it keys
    /// caches and ETags.
    /// </summary>
    public async Task<long> GetDataVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = await CreateCommandAsync("SELECT coalesce(max(id), 0) FROM source_batches", cancellationToken);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken) =>
        await db.Instruments.OrderBy(i => i.Symbol).ToListAsync(cancellationToken);

    /// <summary>Series of the given instruments with every bar dated on or before <paramref name="through"/> (all when null).</summary>
    public async Task<IReadOnlyDictionary<int, StoredSeries>> GetSeriesAsync(
        IReadOnlyCollection<int> instrumentIds, DateOnly? through, CancellationToken cancellationToken)
    {
        await using var command = await CreateCommandAsync(
            """
            SELECT instrument_id, date, open, high, low, close, source_batch_id
            FROM daily_bars
            WHERE instrument_id = ANY(@ids) AND date <= @through
            ORDER BY instrument_id, date
            """,
            cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<int[]>("ids", instrumentIds.ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("through", NpgsqlDbType.Date) { TypedValue = through ?? DateOnly.MaxValue });
        var bars = instrumentIds.ToDictionary(id => id, _ => new List<PriceBar>());
        var sources = instrumentIds.ToDictionary(id => id, _ => new List<long>());
        await using (var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt32(0);
                bars[id].Add(new PriceBar(
                    reader.GetFieldValue<DateOnly>(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5)));
                sources[id].Add(reader.GetInt64(6));
            }
        }

        return instrumentIds.ToDictionary(id => id, id => new StoredSeries(id, [.. bars[id]], [.. sources[id]]));
    }

    /// <summary>Only the batches a result cites: a 40-year history may have thousands, a query needs a handful.</summary>
    public async Task<IReadOnlyList<SourceBatch>> GetSourceBatchesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : await db.SourceBatches.Where(b => ids.Contains(b.Id)).OrderBy(b => b.Id).ToListAsync(cancellationToken);

    private async Task<DbCommand> CreateCommandAsync(string sql, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
