using Npgsql;

namespace RotationAnalytics.Ingestion.Runs;

/// <summary>
/// The cluster-wide "one ingestion at a time" rule: a PostgreSQL session advisory lock held on a dedicated, unpooled
/// connection for the whole run. Every process sharing the database takes the same lock id; a crashed holder's
/// session ends and the lock with it.
/// </summary>
public sealed class IngestionLock(string connectionString)
{
    /// <summary>"RAINGEST" in ASCII; documented in docs/ingestion.md.</summary>
    public const long AdvisoryLockId = 0x5241_494E_4745_5354;

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>Returns the held lock, or null when <paramref name="wait"/> is false and another session holds it.</summary>
    public async Task<IAsyncDisposable?> AcquireAsync(bool wait, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                wait ? "SELECT pg_advisory_lock(@id), true" : "SELECT null, pg_try_advisory_lock(@id)", connection);
            command.Parameters.AddWithValue("id", AdvisoryLockId);
            command.CommandTimeout = 0; // waiting for a long run is the point
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            if (reader.GetBoolean(1))
            {
                return new Lease(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    private sealed class Lease(NpgsqlConnection connection) : IAsyncDisposable
    {
        // Closing the unpooled session releases the lock.
        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
