using Npgsql;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

public static class DatabaseQueries
{
    /// <summary>Runs a query and maps every row.</summary>
    public static async Task<List<T>> QueryAsync<T>(this TestDatabase database, string sql, Func<NpgsqlDataReader, T> map)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>A fingerprint of everything stored (bars, batches, revisions), to prove a re-run changed nothing.</summary>
    public static Task<string?> StoredDataFingerprintAsync(this TestDatabase database) => database.ScalarAsync<string>(
        """
        SELECT md5(
            coalesce((SELECT string_agg(concat_ws(',', instrument_id, date, open, high, low, close, adjusted_close, volume, source_batch_id, flags), ';' ORDER BY instrument_id, date) FROM daily_bars), '') ||
            coalesce((SELECT string_agg(concat_ws(',', id, instrument_id, provider, url, content_sha256, rows_stored, first_date, last_date), ';' ORDER BY id) FROM source_batches), '') ||
            coalesce((SELECT string_agg(concat_ws(',', id, instrument_id, date, old_close, new_close, old_source_batch_id, new_source_batch_id), ';' ORDER BY id) FROM bar_revisions), ''))
        """);
}
