using RotationAnalytics.Api;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Ingestion;

if (IngestionCommandLine.IsIngestCommand(args))
{
    return await IngestionCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddIngestion(builder.Configuration);
builder.AddApi();

var app = builder.Build();
app.UseApi();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
