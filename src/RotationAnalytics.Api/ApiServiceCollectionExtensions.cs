using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using RotationAnalytics.Api.Briefs;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Api.Infrastructure;
using RotationAnalytics.Api.OpenApi;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Api.Admin;
using RotationAnalytics.Api.Services;
using Serilog;

namespace RotationAnalytics.Api;

/// <summary>Registration and pipeline of the web layer: one place that says how the HTTP surface is put together.</summary>
public static class ApiServiceCollectionExtensions
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        builder.Services.AddExceptionHandler<BadHttpRequestExceptionHandler>();
        builder.Services.AddControllers(options =>
        {
            options.Filters.Add<StrictQueryParametersFilter>();
            options.Conventions.Add(new HeadForEveryGetConvention());
        }).AddJsonOptions(options =>
        {
            options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // Methodology text holds ' · ≥ −; JSON needs no HTML escaping of them (responses are never inlined in HTML).
            options.JsonSerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<MarketClock>();
        builder.Services.AddMarketSnapshot(builder.Configuration);
        builder.Services.AddMemoryCache(options => options.SizeLimit = AnalyticsCache.MaxKibibytes);
        builder.Services.AddSingleton<AnalyticsCache>();
        builder.Services.AddSingleton<QueryPipeline>();
        builder.Services.AddSingleton<InstrumentQueryService>();
        builder.Services.AddSingleton<GroupQueryService>();
        builder.Services.AddScoped<InstrumentAdministration>();
        builder.Services.AddScoped<GroupAdministration>();
        builder.Services.AddSingleton<StreakService>();
        builder.Services.AddSingleton<RelativePerformanceService>();
        builder.Services.AddSingleton<RsiService>();
        builder.Services.AddSingleton<RecordHighsService>();
        builder.Services.AddSingleton<SectorBreadthService>();
        builder.Services.AddSingleton<RotationService>();
        builder.Services.AddSingleton<PerformanceService>();
        builder.Services.AddSingleton<StreakAftermathService>();
        builder.Services.AddSingleton<CorrelationService>();
        builder.Services.AddSingleton<BriefLanguages>();
        builder.Services.AddSingleton<BriefService>();
        builder.AddRequestProtection();

        builder.Services.AddTypedOpenApi();

        // Graceful shutdown: in-flight requests and an ingestion batch get time to finish.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Unknown routes and other bodiless error statuses become ProblemDetails too.
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        app.UseCors(DashboardCorsOptions.PolicyName);
        app.UseRateLimiter();
        app.UseStaticFiles(); // wwwroot: the pages' own scripts and styles and the chart library copied there at build time
        app.MapMetrics();
        app.UseTypedOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapControllers().RequireRateLimiting(RateLimitingOptions.PolicyName);
        app.MapDashboardPages();
        return app;
    }

    /// <summary>Rate limits per client IP, the CORS allow-list and the server's request size limits.</summary>
    private static void AddRequestProtection(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitingOptions>().Bind(builder.Configuration.GetSection(RateLimitingOptions.SectionName));
        builder.Services.AddOptions<DashboardCorsOptions>().Bind(builder.Configuration.GetSection(DashboardCorsOptions.SectionName));
        var rateLimits = builder.Configuration.GetSection(RateLimitingOptions.SectionName).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(RateLimitingOptions.PolicyName, context => rateLimits.Enabled
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = rateLimits.PermitLimit,
                        Window = TimeSpan.FromSeconds(rateLimits.WindowSeconds),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("all"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var delay)
                    ? (int)Math.Ceiling(delay.TotalSeconds)
                    : rateLimits.WindowSeconds;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"At most {rateLimits.PermitLimit} requests per {rateLimits.WindowSeconds} s per client. Retry in {retryAfter} s.",
                    },
                });
            };
        });
        builder.Services.AddCors();
        builder.Services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<DashboardCorsOptions>>((cors, dashboards) => cors.AddPolicy(DashboardCorsOptions.PolicyName, policy => policy
                .WithOrigins(dashboards.Value.AllowedOrigins)
                .WithMethods("GET", "HEAD")
                .WithHeaders("Accept", "If-None-Match")
                .WithExposedHeaders("ETag", "Retry-After", "Link")));
        builder.WebHost.ConfigureKestrel(RequestSizeLimitMiddleware.ConfigureKestrel);
    }
}
