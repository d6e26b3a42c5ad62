using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Infrastructure.BarWriting;

/// <summary>
/// The only write path for bars. One transaction per batch: binary COPY into a temporary staging table, then one
/// set-based statement that records revisions and upserts the new or changed bars. A batch that changes no stored bar
/// leaves no <c>source_batches</c> row, so <c>max(source_batches.id)</c> moves only when stored data changes.
/// </summary>
public sealed class BarBatchWriter(RotationDbContext db)
{
    /// <summary>A stored value is revised only when the new one differs by more than this, relative (SPEC §1).</summary>
    public const double RevisionTolerance = 1e-6;

    /// <summary>Bulk statements of a large backfill batch can legitimately outlast the 30 s default on a slow disk.</summary>
    private const int BulkCommandTimeoutSeconds = 300;

    private static readonly string ToleranceLiteral = RevisionTolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string[] ComparedColumns = ["open", "high", "low", "close", "adjusted_close", "volume"];

    private static readonly string UpsertSql = $"""
        WITH diff AS MATERIALIZED (
            SELECT s.date, s.open, s.high, s.low, s.close, s.adjusted_close, s.volume, s.flags,
                   d.open AS old_open, d.high AS old_high, d.low AS old_low, d.close AS old_close, d.volume AS old_volume,
                   d.source_batch_id AS old_batch
            FROM bar_staging s
            LEFT JOIN daily_bars d ON d.instrument_id = @instrument AND d.date = s.date
            WHERE d.date IS NULL OR NOT ({string.Join(" AND ", ComparedColumns.Select(SameValue))})
        ),
        revisions AS (
            INSERT INTO bar_revisions (instrument_id, date, old_open, old_high, old_low, old_close, old_volume,
                                       new_open, new_high, new_low, new_close, new_volume,
                                       old_source_batch_id, new_source_batch_id, revised_at)
            SELECT @instrument, date, old_open, old_high, old_low, old_close, old_volume,
                   open, high, low, close, volume, old_batch, @batch, @now
            FROM diff WHERE old_batch IS NOT NULL
        ),
        upserted AS (
            INSERT INTO daily_bars (instrument_id, date, open, high, low, close, adjusted_close, volume, source_batch_id, flags)
            SELECT @instrument, date, open, high, low, close, adjusted_close, volume, @batch, flags FROM diff
            ON CONFLICT (instrument_id, date) DO UPDATE SET
                open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
                adjusted_close = excluded.adjusted_close, volume = excluded.volume,
                source_batch_id = excluded.source_batch_id, flags = excluded.flags
        )
        SELECT count(*) FILTER (WHERE old_batch IS NULL)::int, count(*) FILTER (WHERE old_batch IS NOT NULL)::int,
               min(date), max(date)
        FROM diff
        """;

    /// <summary>Corporate actions are few per batch: passed as arrays, diffed and upserted like bars, with revisions.</summary>
    private static readonly string CorporateActionUpsertSql = $"""
        WITH diff AS MATERIALIZED (
            SELECT s.ex_date, s.kind, s.value, c.value AS old_value, c.source_batch_id AS old_batch
            FROM unnest(@dates, @kinds, @values) AS s(ex_date, kind, value)
            LEFT JOIN corporate_actions c ON c.instrument_id = @instrument AND c.ex_date = s.ex_date AND c.kind = s.kind
            WHERE c.ex_date IS NULL
               OR NOT coalesce(abs(s.value - c.value) <= {ToleranceLiteral} * greatest(abs(s.value), abs(c.value)), false)
        ),
        revisions AS (
            INSERT INTO corporate_action_revisions (instrument_id, ex_date, kind, old_value, new_value,
                                                    old_source_batch_id, new_source_batch_id, revised_at)
            SELECT @instrument, ex_date, kind, old_value, value, old_batch, @batch, @now FROM diff WHERE old_batch IS NOT NULL
        ),
        upserted AS (
            INSERT INTO corporate_actions (instrument_id, ex_date, kind, value, source_batch_id)
            SELECT @instrument, ex_date, kind, value, @batch FROM diff
            ON CONFLICT (instrument_id, ex_date, kind) DO UPDATE SET value = excluded.value, source_batch_id = excluded.source_batch_id
        )
        SELECT count(*) FILTER (WHERE old_batch IS NULL)::int, count(*) FILTER (WHERE old_batch IS NOT NULL)::int,
               min(ex_date), max(ex_date)
        FROM diff
        """;

    public async Task<BarBatchWriteResult> WriteAsync(BarBatch batch, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await WriteInTransactionAsync(connection, batch, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<BarBatchWriteResult> WriteInTransactionAsync(
        NpgsqlConnection connection, BarBatch batch, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            connection,
            """
            SET LOCAL work_mem = '64MB';
            CREATE TEMP TABLE bar_staging (
                date date NOT NULL, open float8 NOT NULL, high float8 NOT NULL, low float8 NOT NULL, close float8 NOT NULL,
                adjusted_close float8, volume float8, flags text[] NOT NULL) ON COMMIT DROP
            """,
            cancellationToken);
        await CopyBarsAsync(connection, batch.Bars, cancellationToken);
        // Fresh statistics keep the planner from guessing the staging size (a temp table is never auto-analysed).
        await ExecuteAsync(connection, "ANALYZE bar_staging", cancellationToken);
        var sourceBatchId = await InsertSourceBatchAsync(connection, batch, cancellationToken);

        int inserted, revised;
        DateOnly? first = null, last = null;
        await using (var upsert = new NpgsqlCommand(UpsertSql, connection) { CommandTimeout = BulkCommandTimeoutSeconds })
        {
            upsert.Parameters.AddWithValue("instrument", batch.InstrumentId);
            upsert.Parameters.AddWithValue("batch", sourceBatchId);
            upsert.Parameters.AddWithValue("now", batch.Provenance.RetrievedAt);
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            inserted = reader.GetInt32(0);
            revised = reader.GetInt32(1);
            if (!reader.IsDBNull(2))
            {
                first = reader.GetFieldValue<DateOnly>(2);
                last = reader.GetFieldValue<DateOnly>(3);
            }
        }

        var (actionsInserted, actionsRevised, firstAction, lastAction) =
            await UpsertCorporateActionsAsync(connection, batch, sourceBatchId, cancellationToken);
        first = Earliest(first, firstAction);
        last = Latest(last, lastAction);

        var flagged = batch.Bars.Count(b => b.Flags.Length > 0);
        long? storedBatchId = sourceBatchId;
        if (inserted + revised + actionsInserted + actionsRevised == 0)
        {
            // Nothing changed: the batch row would be a new data version for identical data, so it goes.
            await ExecuteAsync(connection, $"DELETE FROM source_batches WHERE id = {sourceBatchId}", cancellationToken);
            storedBatchId = null;
        }
        else
        {
            await using var update = new NpgsqlCommand(
                """
                UPDATE source_batches SET rows_stored = @stored, rows_revised = @revised, first_date = @first, last_date = @last
                WHERE id = @id
                """,
                connection);
            update.Parameters.AddWithValue("stored", inserted + revised);
            update.Parameters.AddWithValue("revised", revised);
            update.Parameters.AddWithValue("first", first!.Value);
            update.Parameters.AddWithValue("last", last!.Value);
            update.Parameters.AddWithValue("id", sourceBatchId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyRejectedAsync(connection, batch, cancellationToken);
        return new BarBatchWriteResult(storedBatchId, inserted, revised, batch.Rejected.Count, flagged, actionsInserted, actionsRevised);
    }

    private static async Task<(int Inserted, int Revised, DateOnly? First, DateOnly? Last)> UpsertCorporateActionsAsync(
        NpgsqlConnection connection, BarBatch batch, long sourceBatchId, CancellationToken cancellationToken)
    {
        if (batch.CorporateActions.Count == 0)
        {
            return (0, 0, null, null);
        }

        await using var command = new NpgsqlCommand(CorporateActionUpsertSql, connection);
        command.Parameters.AddWithValue("dates", NpgsqlDbType.Array | NpgsqlDbType.Date, batch.CorporateActions.Select(a => a.ExDate).ToArray());
        command.Parameters.AddWithValue("kinds", NpgsqlDbType.Array | NpgsqlDbType.Varchar, batch.CorporateActions.Select(a => a.Kind.ToString()).ToArray());
        command.Parameters.AddWithValue("values", NpgsqlDbType.Array | NpgsqlDbType.Double, batch.CorporateActions.Select(a => a.Value).ToArray());
        command.Parameters.AddWithValue("instrument", batch.InstrumentId);
        command.Parameters.AddWithValue("batch", sourceBatchId);
        command.Parameters.AddWithValue("now", batch.Provenance.RetrievedAt);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.IsDBNull(2)
            ? (0, 0, null, null)
            : (reader.GetInt32(0), reader.GetInt32(1), reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<DateOnly>(3));
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateOnly? Latest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static async Task CopyBarsAsync(NpgsqlConnection connection, IReadOnlyList<ValidatedBar> bars, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY bar_staging (date, open, high, low, close, adjusted_close, volume, flags) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        importer.Timeout = TimeSpan.FromSeconds(BulkCommandTimeoutSeconds);
        foreach (var bar in bars)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(bar.Date, NpgsqlDbType.Date, cancellationToken);
            await importer.WriteAsync(bar.Open, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(bar.High, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(bar.Low, NpgsqlDbType.Double, cancellationToken);
            await importer.WriteAsync(bar.Close, NpgsqlDbType.Double, cancellationToken);
            await WriteNullableAsync(importer, bar.AdjustedClose, cancellationToken);
            await WriteNullableAsync(importer, bar.Volume, cancellationToken);
            await importer.WriteAsync(bar.Flags, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, double? value, CancellationToken cancellationToken) =>
        value is { } v ? importer.WriteAsync(v, NpgsqlDbType.Double, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    private static async Task<long> InsertSourceBatchAsync(NpgsqlConnection connection, BarBatch batch, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO source_batches (instrument_id, ingestion_run_id, provider, provider_symbol, url, retrieved_at, content_sha256,
                                        rows_received, rows_stored, rows_rejected, rows_flagged, rows_revised, price_kind,
                                        attribution, is_synthetic, corporate_actions_reported)
            VALUES (@instrument, @run, @provider, @providerSymbol, @url, @retrievedAt, @sha, @received, 0, @rejected, @flagged, 0,
                    @priceKind, @attribution, @synthetic, @actionsReported)
            RETURNING id
            """,
            connection);
        command.Parameters.AddWithValue("instrument", batch.InstrumentId);
        command.Parameters.AddWithValue("run", batch.IngestionRunId);
        command.Parameters.AddWithValue("provider", batch.Provider);
        command.Parameters.AddWithValue("providerSymbol", batch.ProviderSymbol);
        command.Parameters.AddWithValue("url", batch.Provenance.Url);
        command.Parameters.AddWithValue("retrievedAt", batch.Provenance.RetrievedAt);
        command.Parameters.AddWithValue("sha", batch.Provenance.ContentSha256);
        command.Parameters.AddWithValue("received", batch.RowsReceived);
        command.Parameters.AddWithValue("rejected", batch.Rejected.Count);
        command.Parameters.AddWithValue("flagged", batch.Bars.Count(b => b.Flags.Length > 0));
        command.Parameters.AddWithValue("priceKind", batch.Provenance.PriceKind.ToString());
        command.Parameters.AddWithValue("attribution", batch.Provenance.Attribution);
        command.Parameters.AddWithValue("synthetic", batch.Provenance.IsSynthetic);
        command.Parameters.AddWithValue("actionsReported", batch.Provenance.CorporateActionsReported);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task CopyRejectedAsync(NpgsqlConnection connection, BarBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Rejected.Count == 0)
        {
            return;
        }

        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY rejected_bars (ingestion_run_id, instrument_id, provider, raw_row, reason) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var row in batch.Rejected)
        {
            await importer.WriteRowAsync(cancellationToken, batch.IngestionRunId, batch.InstrumentId, batch.Provider, row.RawRow, row.Reason);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>SQL: staged and stored value equal within <see cref="RevisionTolerance"/> (relative), nulls equal to nulls.</summary>
    private static string SameValue(string column) =>
        $"((s.{column} IS NULL AND d.{column} IS NULL) OR coalesce(abs(s.{column} - d.{column}) <= {ToleranceLiteral} * greatest(abs(s.{column}), abs(d.{column})), false))";
}
