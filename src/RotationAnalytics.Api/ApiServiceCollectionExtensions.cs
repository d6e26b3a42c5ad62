using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.OpenApi;
using RotationAnalytics.Api.Infrastructure;
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
        builder.Services.AddControllers();
        builder.Services.AddScoped<InstrumentQueryService>();

        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "RotationAnalytics API",
                Version = "v1",
                Description = "Rotation between market segments from stored daily bars: every figure cites its sources and method.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            options.IncludeXmlComments(xml);
        });

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
        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "RotationAnalytics API");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapControllers();
        return app;
    }
}
