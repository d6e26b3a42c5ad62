using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Ingestion.Runs;

namespace RotationAnalytics.Ingestion;

/// <summary>
/// One-shot mode of the API executable: <c>ingest --csv-dir DIR | --demo | [--provider ID] [--symbols A,B] [--from D]
/// [--to D]</c>. Migrates the database, runs one ingestion, and exits 0 when it succeeded, 1 when it failed or was
/// partial, 2 on a usage error. Other arguments (e.g. <c>--ConnectionStrings:Rotation=…</c>) go to configuration.
/// <c>--demo</c> loads into the demo database (<see cref="DemoDatabase"/>), never into the real one.
/// </summary>
public static class IngestionCommandLine
{
    public const string Command = "ingest";

    public static bool IsIngestCommand(string[] args) => args.Length > 0 && args[0] == Command;

    /// <param name="configureLogging">Sets up logging like the server's, so the CLI prints the same lines.</param>
    public static async Task<int> RunAsync(string[] args, Action<HostApplicationBuilder> configureLogging)
    {
        if (!TryParse(args.Skip(1).ToArray(), out var request, out var configurationArgs, out var error))
        {
            await Console.Error.WriteLineAsync($"{error}\nusage: {Command} --csv-dir DIR | --demo | [--provider ID] [--symbols A,B] [--from yyyy-MM-dd] [--to yyyy-MM-dd]");
            return 2;
        }

        // appsettings.json (log levels among others) lies next to the executable, whatever folder the CLI is called from.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = configurationArgs, ContentRootPath = AppContext.BaseDirectory });
        if (request.Demo)
        {
            DemoDatabase.Use(builder.Configuration);
        }

        builder.Configuration["Ingestion:Schedule:Enabled"] = "false";
        builder.Configuration["Ingestion:CsvDirectory"] = null;
        builder.Configuration["Ingestion:Demo"] = "false";
        builder.Services.AddInfrastructure(builder.Configuration);
        builder.Services.AddIngestion(builder.Configuration);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true); // "Press Ctrl+C…" means nothing to a one-shot command
        configureLogging(builder);
        using var host = builder.Build();
        await host.StartAsync(); // migrates and seeds
        try
        {
            var outcome = await host.Services.GetRequiredService<IngestionRunner>().RunAsync(request, CancellationToken.None);
            await Console.Out.WriteLineAsync($"ingestion run {outcome!.RunId}: {outcome.Status}");
            return outcome.Status == IngestionRunStatus.Succeeded ? 0 : 1;
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static bool TryParse(string[] args, out IngestionRequest request, out string[] rest, out string? error)
    {
        request = new IngestionRequest { Trigger = "cli" };
        var remaining = new List<string>();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                request = args[i] switch
                {
                    "--csv-dir" => request with { CsvDirectory = Path.GetFullPath(Value()) },
                    "--demo" => request with { Demo = true },
                    "--provider" => request with { Provider = Value() },
                    "--symbols" => request with { Symbols = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                    "--from" => request with { From = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                    "--to" => request with { To = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                    _ => Keep(request, remaining, args[i]),
                };
            }
            catch (FormatException e)
            {
                error = e.Message;
            }
        }

        rest = [.. remaining];
        if (error is null && request.CsvDirectory is not null && request.Demo)
        {
            error = "--csv-dir and --demo exclude each other";
        }

        return error is null;
    }

    private static IngestionRequest Keep(IngestionRequest request, List<string> remaining, string arg)
    {
        remaining.Add(arg);
        return request;
    }
}
