using System.Globalization;
using RotationAnalytics.Api;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Ingestion;
using Serilog;

if (IngestionCommandLine.IsIngestCommand(args))
{
    return await IngestionCommandLine.RunAsync(args, cli => cli.Services.AddSerilog((services, logger) => logger
        .ReadFrom.Configuration(cli.Configuration)
        .ReadFrom.Services(services)
        .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)));
}

var builder = WebApplication.CreateBuilder(args);
DemoDatabase.SelectWhenDemo(builder.Configuration); // before AddInfrastructure reads the connection string
builder.AddApiTelemetry(); // first: its hosted service starts the meters before migrations and the start-up ingestion
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddIngestion(builder.Configuration);
builder.AddApi();

var app = builder.Build();
app.UseApi();
try
{
    await app.RunAsync();
}
catch (StartupIngestionException e)
{
    // The reason is all the operator needs (e.g. an empty --csv-dir); the host has logged the details above.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}

return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
