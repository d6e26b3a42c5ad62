using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RotationAnalytics.Api.Http;

namespace RotationAnalytics.Api;

/// <summary>
/// Metrics and traces through OpenTelemetry: <c>/metrics</c> in Prometheus text (HTTP server, Npgsql, runtime, Polly and
/// the project's meters: ingestion, snapshot, answer cache); traces are exported over OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, so nothing is sent anywhere by default.
/// </summary>
public static class ApiTelemetry
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddApiTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.SectionName));
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("rotation-analytics"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("RotationAnalytics.*", "Polly")
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>The scraping endpoint: outside the rate limiter, restricted to the configured networks.</summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(MetricsPath),
            branch => branch.Use(async (context, next) =>
            {
                if (!context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value.Allows(context.Connection.RemoteIpAddress))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                await next(context);
            }));
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
