using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace RotationAnalytics.Api.Http;

/// <summary>
/// Marks an endpoint whose answer depends only on the request and the stored data: it gets an ETag from the data
/// version (which changes when an ingestion commit changes bars), answers 304 to a matching If-None-Match without
/// computing anything, and lets shared caches keep it briefly.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class DataVersionedAttribute() : TypeFilterAttribute(typeof(DataVersionFilter));

internal sealed class DataVersionFilter(DataVersionSource versions) : IAsyncActionFilter
{
    /// <summary>Dashboards poll; a minute of staleness is fine and revalidation is a cheap 304.</summary>
    private const string CacheControl = "public, max-age=60, must-revalidate";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var version = await versions.GetAsync(http.RequestAborted);
        http.SetDataVersion(version);
        if (ResponseFormats.Requested(http.Request) is not { } format)
        {
            await next();
            return;
        }

        var etag = new EntityTagHeaderValue($"\"d{version}-{format.ToString().ToLowerInvariant()}\"");
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        http.Response.OnStarting(() =>
        {
            if (http.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified)
            {
                var headers = http.Response.GetTypedHeaders();
                headers.ETag = etag;
                http.Response.Headers.CacheControl = CacheControl;
                http.Response.Headers.Vary = "Accept";
            }

            return Task.CompletedTask;
        });
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status304NotModified);
            return;
        }

        await next();
    }
}

public static class DataVersionHttpContextExtensions
{
    private static readonly object Key = new();

    public static void SetDataVersion(this HttpContext context, long version) => context.Items[Key] = version;

    /// <summary>The data version read for this request by <see cref="DataVersionedAttribute"/>.</summary>
    public static long DataVersion(this HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is long version
            ? version
            : throw new InvalidOperationException("The action is not marked [DataVersioned].");
}
