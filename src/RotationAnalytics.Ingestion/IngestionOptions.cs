namespace RotationAnalytics.Ingestion;

/// <summary>Bound from the <c>Ingestion</c> configuration section (env <c>Ingestion__…</c>).</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Folder of <c>SYMBOL.csv</c> files ingested during startup, before the API serves requests.</summary>
    public string? CsvDirectory { get; set; }

    /// <summary>Load the synthetic demo universe during startup (every batch is marked synthetic).</summary>
    public bool Demo { get; set; }

    /// <summary>
    /// Symbols whose CSV files hold dividend-adjusted prices (recorded as price kind <c>Adjusted</c>). The default names
    /// MDY because the shared market data's MDY.csv is dividend-adjusted (its SOURCES.md); configured values are added.
    /// </summary>
    public string[] CsvAdjustedSymbols { get; set; } = ["MDY"];

    /// <summary>Incremental pulls start this many calendar days before the last stored date, to catch late revisions.</summary>
    public int IncrementalOverlapDays { get; set; } = 10;

    /// <summary>First date asked for when an instrument has no stored bars yet.</summary>
    public DateOnly BackfillFrom { get; set; } = new(1990, 1, 1);

    /// <summary>Total deadline of one run; when it passes the run stops and is recorded as failed with the reason.</summary>
    public TimeSpan RunDeadline { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Instruments ingested side by side within one run.</summary>
    public int MaxParallelSymbols { get; set; } = 4;

    /// <summary>Provider ids in fallback order. Empty means: yahoo, then every keyed provider whose key is configured.</summary>
    public string[] ProviderOrder { get; set; } = [];

    public DailyPullScheduleOptions Schedule { get; set; } = new();

    public ProvidersOptions Providers { get; set; } = new();
}

/// <summary>The daily online pull (<c>Ingestion:Schedule</c>).</summary>
public sealed class DailyPullScheduleOptions
{
    /// <summary>
    /// Null (default): on, except when a CSV folder or the demo is loaded or the environment is <c>Testing</c>, so tests
    /// never reach the network unless they enable it.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>Exchange-local time of the daily pull, after the 16:00 close and the providers' end-of-day updates.</summary>
    public TimeOnly TimeOfDay { get; set; } = new(18, 30);

    public string TimeZone { get; set; } = "America/New_York";

    /// <summary>Pull every instrument's history once at start when the bars table is empty.</summary>
    public bool BackfillOnStart { get; set; } = true;
}

/// <summary>Per-provider settings (<c>Ingestion:Providers:Yahoo</c>, <c>…:Stooq</c>, …).</summary>
public sealed class ProvidersOptions
{
    public HttpProviderOptions Yahoo { get; set; } = new() { BaseUrl = new Uri("https://query1.finance.yahoo.com/"), RequestsPerSecond = 1 };

    public HttpProviderOptions Stooq { get; set; } = new() { BaseUrl = new Uri("https://stooq.com/"), RequestsPerSecond = 1, RequestsPerDay = 500 };

    public HttpProviderOptions AlphaVantage { get; set; } = new() { BaseUrl = new Uri("https://www.alphavantage.co/"), RequestsPerSecond = 0.08, RequestsPerDay = 25 };

    public HttpProviderOptions Tiingo { get; set; } = new() { BaseUrl = new Uri("https://api.tiingo.com/"), RequestsPerSecond = 0.25, RequestsPerDay = 1000 };

    public HttpProviderOptions Polygon { get; set; } = new() { BaseUrl = new Uri("https://api.polygon.io/"), RequestsPerSecond = 0.08 };
}

/// <summary>Endpoint, secret and resilience settings of one HTTP provider.</summary>
public sealed class HttpProviderOptions
{
    public Uri? BaseUrl { get; set; }

    /// <summary>API key or token; never logged, redacted in stored URLs.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Client-side rate limit (token bucket); below 1 means one request every 1/x seconds.</summary>
    public double RequestsPerSecond { get; set; } = 1;

    /// <summary>Requests allowed per rolling day; 0 means unlimited.</summary>
    public int RequestsPerDay { get; set; }

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Base of the exponential backoff (with jitter); a Retry-After header takes precedence.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Deadline of one fetch including every retry.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(60);
}
