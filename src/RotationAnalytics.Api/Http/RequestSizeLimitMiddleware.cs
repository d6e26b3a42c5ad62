using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RotationAnalytics.Api.Http;

/// <summary>
/// The size limits of a request — target (path and query), headers, body — answered as problem+json 414, 431 and 413
/// (SPEC §4). Kestrel rejects what exceeds its own limits while parsing, before any middleware runs, with an empty
/// body that cannot be customised; so Kestrel's limits for the target and the headers are set a few times higher
/// (<see cref="ConfigureKestrel"/>) and the real limits are enforced here, where a ProblemDetails can be written. Only
/// a request beyond Kestrel's ceiling still gets Kestrel's bare answer. A body without Content-Length (chunked) is cut
/// off by Kestrel while it is read, which the exception handler answers (<c>BadHttpRequestExceptionHandler</c>).
/// </summary>
public sealed class RequestSizeLimitMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    /// <summary>Request target as sent, e.g. <c>/relative-performance?symbols=…</c>: 25 symbols need well under 1 KiB.</summary>
    public const int MaxTargetLength = 8 * 1024;

    /// <summary>Header names and values together (Kestrel's default limit).</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Read endpoints take no body; admin bodies are small JSON documents.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const int KestrelCeilingFactor = 4;

    public static void ConfigureKestrel(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestLineSize = KestrelCeilingFactor * MaxTargetLength;
        kestrel.Limits.MaxRequestHeadersTotalSize = KestrelCeilingFactor * MaxHeaderBytes;
        kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var targetLength = string.IsNullOrEmpty(target) ? (request.PathBase + request.Path + request.QueryString).Length : target.Length;
        if (targetLength > MaxTargetLength)
        {
            return RejectAsync(context, StatusCodes.Status414UriTooLong, "URI too long",
                $"The request target has {targetLength} characters; at most {MaxTargetLength} are accepted.");
        }

        var headerBytes = request.Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0) + 4); // ": " and CRLF
        if (headerBytes > MaxHeaderBytes)
        {
            return RejectAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request headers too large",
                $"The request headers have about {headerBytes} bytes; at most {MaxHeaderBytes} are accepted.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return RejectAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The request body has {request.ContentLength} bytes; at most {MaxBodyBytes} are accepted.");
        }

        return next(context);
    }

    private async Task RejectAsync(HttpContext context, int status, string title, string detail)
    {
        // The body that was announced is not read: the connection cannot be reused for a next request.
        context.Response.Headers.Connection = "close";
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
