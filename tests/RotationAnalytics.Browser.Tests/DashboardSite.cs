using Microsoft.Playwright;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Browser.Tests;

/// <summary>
/// One database loaded with the whole of ../shared/data/market through the real ingestion path, the real API host on a
/// loopback Kestrel port (a browser needs real TCP; TestServer is in memory), and one Debian Chromium driven by
/// Playwright. Shared by the browser tests; each test opens its own browser context (fresh cache, own viewport).
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>No sandbox (root in CI), no GPU, and nothing that would reach out of the machine on its own.</summary>
    private static readonly string[] LaunchFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private TestDatabase? _database;
    private IPlaywright? _playwright;

    /// <summary>Why the browser tests cannot run here, or null. scripts/test.sh installs chromium when it can and says so loudly when it cannot.</summary>
    public static string? SkipReason { get; } = File.Exists(ChromiumPath)
        ? null
        : $"BROWSER TESTS SKIPPED: {ChromiumPath} not found (scripts/test.sh installs Debian's chromium with apt-get when run as root).";

    public IBrowser Browser { get; private set; } = null!;

    public ApiFactory? Api { get; private set; }

    /// <summary>http://127.0.0.1:port of the API serving the pages.</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>Screenshots and the measured first-load figures of a run (git-ignored TestResults/).</summary>
    public static string OutputDirectory { get; } = Path.Combine(RepositoryPaths.Root, "TestResults", "browser");

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        Directory.CreateDirectory(OutputDirectory);
        _database = await TestDatabase.CreateAsync("browser");
        Api = new ApiFactory(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Ingestion:CsvDirectory"] = RepositoryPaths.MarketData,
            ["RateLimiting:Enabled"] = "false",
        });
        Api.UseKestrel(0);
        Api.StartServer();
        using (var client = Api.CreateClient())
        {
            Origin = new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = LaunchFlags,
        });
    }

    /// <summary>A new browser context (empty cache) and page that records console errors and every request.</summary>
    public async Task<RecordedPage> OpenAsync(int width, int height)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Origin.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return new RecordedPage(context, await context.NewPageAsync(), Origin);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardSiteCollection : ICollectionFixture<DashboardSite>
{
    public const string Name = "dashboard in a browser";
}

/// <summary>A browser test: skipped, with the reason in the test report, where there is no browser to drive.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (DashboardSite.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
