using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.RateLimiting;
using Polly.Telemetry;

namespace RotationAnalytics.Ingestion.Providers;

/// <summary>
/// One named HttpClient per provider with its own resilience pipeline (outer to inner): total deadline, retries with
/// exponential backoff and jitter that honour Retry-After, a circuit breaker, the client-side rate limiter (so every
/// attempt, retries included, is counted) and the per-attempt timeout, which covers reading the body too.
/// </summary>
internal static class HttpProviderRegistration
{
    public static IServiceCollection AddHttpDailyBarProviders(this IServiceCollection services, ProvidersOptions providers)
    {
        services.AddTransient<ResponseBufferingHandler>();
        Add<YahooChartDailyBarProvider>(services, YahooChartDailyBarProvider.ProviderId, providers.Yahoo);
        Add<StooqDailyBarProvider>(services, StooqDailyBarProvider.ProviderId, providers.Stooq);
        Add<AlphaVantageDailyBarProvider>(services, AlphaVantageDailyBarProvider.ProviderId, providers.AlphaVantage);
        Add<TiingoDailyBarProvider>(services, TiingoDailyBarProvider.ProviderId, providers.Tiingo);
        Add<PolygonDailyBarProvider>(services, PolygonDailyBarProvider.ProviderId, providers.Polygon);
        return services;
    }

    private static void Add<TProvider>(IServiceCollection services, string id, HttpProviderOptions options)
        where TProvider : class, IDailyBarProvider
    {
        var builder = services.AddHttpClient(id, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline owns every timeout
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; RotationAnalytics/1.0)");
            })
            .RemoveAllLoggers(); // request URLs carry API keys; providers log redacted URLs themselves
        builder.AddResilienceHandler(id, (pipeline, context) => Configure(pipeline, options, context.ServiceProvider));
        builder.AddHttpMessageHandler<ResponseBufferingHandler>(); // added after, so inside: each attempt reads its whole body
        services.AddSingleton<IDailyBarProvider, TProvider>();
    }

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, HttpProviderOptions options, IServiceProvider services)
    {
        // The runner reports each provider's failures once per run (provider, symbol count, reason); Polly's per-attempt
        // events would repeat every expected network fault with a stack trace, so they are logged at Debug only.
        pipeline.ConfigureTelemetry(new TelemetryOptions(services.GetRequiredService<IOptions<TelemetryOptions>>().Value)
        {
            SeverityProvider = _ => ResilienceEventSeverity.Debug,
        });
        var limiter = RateLimiter(options);
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0) // 0 = no retries (Polly requires at least one when the strategy is present)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldRetryAfterHeader = true,
            });
        }

        pipeline
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 6,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = options.CircuitBreakDuration,
            })
            .AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = args => limiter.AcquireAsync(1, args.Context.CancellationToken),
            })
            .AddTimeout(options.AttemptTimeout);
    }

    private static RateLimiter RateLimiter(HttpProviderOptions options)
    {
        // Requests per second below 1 (e.g. 5 per minute) become one token every 1/rate seconds; callers wait in the queue.
        var perSecond = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, (int)options.RequestsPerSecond),
            TokensPerPeriod = Math.Max(1, (int)options.RequestsPerSecond),
            ReplenishmentPeriod = options.RequestsPerSecond >= 1 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1 / options.RequestsPerSecond),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        if (options.RequestsPerDay <= 0)
        {
            return perSecond;
        }

        // The daily quota is not waited for: once spent, the provider fails fast and the chain falls back.
        var perDay = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.RequestsPerDay,
            Window = TimeSpan.FromDays(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        return System.Threading.RateLimiting.RateLimiter.CreateChained(perDay, perSecond);
    }
}
