using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RotationAnalytics.Api.Controllers;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Api.Tests;

/// <summary>
/// One database per test run loaded with the whole of ../shared/data/market through the real ingestion path (the
/// host's startup CSV ingestion), and the real API host on it. Shared by the endpoint test classes.
/// </summary>
public sealed class MarketDataApi : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public ApiFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>
    /// The GET routes of the read (analytics) controllers from the routing table, route values filled with SPX: tests
    /// over all of them cover an endpoint added later without listing it.
    /// </summary>
    public IReadOnlyList<string> ReadEndpointPaths() => Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>()?.ControllerTypeInfo.IsAssignableTo(typeof(AnalyticsControllerBase)) == true)
        .Select(e => "/" + Regex.Replace(e.RoutePattern.RawText!.TrimStart('/'), "{[^}]+}", "SPX"))
        .Distinct()
        .ToList();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("api_market");
        Factory = new ApiFactory(Database.ConnectionString, new Dictionary<string, string?>
        {
            ["Ingestion:CsvDirectory"] = RepositoryPaths.MarketData,
            ["RateLimiting:Enabled"] = "false",
            ["Cors:AllowedOrigins:0"] = "https://dashboard.example",
        });
        Client = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MarketDataCollection : ICollectionFixture<MarketDataApi>
{
    public const string Name = "market data API";
}
