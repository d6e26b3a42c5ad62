using Microsoft.Extensions.Configuration;
using Npgsql;
using RotationAnalytics.Infrastructure;

namespace RotationAnalytics.Ingestion;

/// <summary>
/// The synthetic demo lives in a database of its own (SPEC §6), never in the one that holds real market data. With
/// <c>Ingestion:Demo</c> set, the host's <c>ConnectionStrings:Rotation</c> is replaced by
/// <c>ConnectionStrings:RotationDemo</c>, or, when that is not configured, by the same server with
/// <see cref="NameSuffix"/> appended to the database name (created and migrated at start like any other). The
/// ingestion runner additionally refuses to mix synthetic and real batches in one database, whatever the configuration.
/// </summary>
public static class DemoDatabase
{
    public const string ConnectionStringName = "RotationDemo";

    public const string NameSuffix = "_demo";

    private const string DemoKey = $"{IngestionOptions.SectionName}:{nameof(IngestionOptions.Demo)}";

    private const string CsvDirectoryKey = $"{IngestionOptions.SectionName}:{nameof(IngestionOptions.CsvDirectory)}";

    private const string RotationKey = $"ConnectionStrings:{InfrastructureServiceCollectionExtensions.ConnectionStringName}";

    /// <summary>
    /// When <c>Ingestion:Demo</c> is true, points <c>ConnectionStrings:Rotation</c> at the demo database. Call before
    /// <c>AddInfrastructure</c>, which reads the connection string.
    /// </summary>
    public static void SelectWhenDemo(IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>(DemoKey))
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(configuration[CsvDirectoryKey]))
        {
            throw new InvalidOperationException(
                $"{DemoKey} and {CsvDirectoryKey} exclude each other: the demo loads synthetic data into a database of its own.");
        }

        Use(configuration);
    }

    /// <summary>Points <c>ConnectionStrings:Rotation</c> at the demo database (the <c>ingest --demo</c> CLI calls this directly).</summary>
    public static void Use(IConfiguration configuration)
    {
        var real = configuration.GetConnectionString(InfrastructureServiceCollectionExtensions.ConnectionStringName);
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            configuration[RotationKey] = configured;
        }
        else if (!string.IsNullOrWhiteSpace(real))
        {
            configuration[RotationKey] = DerivedConnectionString(real);
        }
    }

    /// <summary>The real connection string with <see cref="NameSuffix"/> appended to its database name.</summary>
    public static string DerivedConnectionString(string realConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(realConnectionString);
        // Without a Database key Npgsql connects to the database named like the user.
        builder.Database = (builder.Database ?? builder.Username) + NameSuffix;
        return builder.ConnectionString;
    }
}
