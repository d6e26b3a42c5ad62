using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RotationAnalytics.Api.Http;

/// <summary>
/// Health as JSON: the overall status and, per check, its status, description and data — an operator sees which
/// snapshot version is served and how old it is, not just "Degraded".
/// </summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
