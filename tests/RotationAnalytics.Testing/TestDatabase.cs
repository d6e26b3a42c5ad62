using Npgsql;

namespace RotationAnalytics.Testing;

/// <summary>
/// A fresh, empty database on the throwaway PostgreSQL server that scripts/test.sh starts (ROTATION_TEST_POSTGRES),
/// dropped on dispose. Each test class gets its own, so classes run in parallel without seeing each other's rows.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "ROTATION_TEST_POSTGRES";

    private TestDatabase(string name, string serverConnectionString)
    {
        Name = name;
        ServerConnectionString = serverConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Connection string of the server's maintenance database (postgres).</summary>
    public string ServerConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string purpose)
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ServerVariable} is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL.");
        }

        var serverConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        var name = $"ra_{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new TestDatabase(name, serverConnectionString);
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
