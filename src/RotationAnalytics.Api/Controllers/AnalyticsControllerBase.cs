using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Api.Queries;

namespace RotationAnalytics.Api.Controllers;

/// <summary>
/// What every analytics controller shares: strict query parsing into <see cref="QueryParameters"/>, the cache key of
/// the request, and the mapping of an answer to JSON, CSV (with a Link to its JSON), 304 or a ProblemDetails response.
/// An answer's ETag is the data version it was computed from; a conditional request is evaluated only once the
/// request is known to succeed, so a malformed request stays a 400 and an unknown symbol a 404 whatever ETag it sends
/// (SPEC §4).
/// </summary>
[ApiController]
[ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
[ProducesResponseType(StatusCodes.Status304NotModified)]
public abstract class AnalyticsControllerBase(MarketClock clock) : ControllerBase
{
    /// <summary>Dashboards poll; a minute of staleness is fine and revalidation is a cheap 304.</summary>
    private const string CacheControl = "public, max-age=60, must-revalidate";

    private QueryParameters? _query;

    protected QueryParameters Query => _query ??= new QueryParameters(ModelState, clock.Today);

    /// <summary>Path plus the query parameters sorted and lower-cased, without <c>format</c>: same key, same answer.</summary>
    protected string CacheKey => Request.Path.Value!.ToLowerInvariant() + "?" + string.Join('&', Request.Query
        .Where(p => !p.Key.Equals("format", StringComparison.OrdinalIgnoreCase))
        .Select(p => p.Key.ToLowerInvariant() + "=" + p.Value.ToString().ToLowerInvariant())
        .Order(StringComparer.Ordinal));

    /// <summary>
    /// The representation to send (<c>format</c>, else <c>Accept</c>); an unacceptable <c>format</c> is recorded with
    /// the other parameter errors. Call with the other parameter checks.
    /// </summary>
    protected ResponseFormat RequestedFormat(bool tabular) => RequestedFormat(tabular ? ResponseFormat.Csv : null);

    /// <summary>As <see cref="RequestedFormat(bool)"/> for an endpoint whose alternative to JSON is <paramref name="alternative"/>.</summary>
    protected ResponseFormat RequestedFormat(ResponseFormat? alternative)
    {
        var (format, error) = ResponseFormats.Negotiate(Request, alternative);
        if (error is not null)
        {
            Query.Fail(ResponseFormats.ParameterName, error);
        }

        return format;
    }

    /// <summary>
    /// The answer as JSON, as its alternative form when <paramref name="format"/> asks for it and the endpoint has one
    /// (<paramref name="alternative"/>: a <see cref="CsvTable"/> or a <see cref="MarkdownDocument"/>), or as 304, 400,
    /// 404 or 422.
    /// </summary>
    protected IActionResult Respond<T>(CachedAnswer<T> answer, ResponseFormat format = ResponseFormat.Json, Func<T, IActionResult>? alternative = null)
    {
        if (alternative is null)
        {
            // An endpoint without a tabular form need not have looked at format (e.g. /instruments): format=csv or
            // format=xml there is still a 400, never a JSON answer that ignores it.
            format = RequestedFormat(tabular: false);
            if (!ModelState.IsValid)
            {
                return ValidationProblem();
            }
        }

        if (answer.Result.Error is { } error)
        {
            return Failure(error);
        }

        var etag = new EntityTagHeaderValue($"\"d{answer.DataVersion}-{format.ToString().ToLowerInvariant()}\"");
        Response.GetTypedHeaders().ETag = etag;
        Response.Headers.CacheControl = CacheControl;
        Response.Headers.Vary = "Accept";
        if (format != ResponseFormat.Json)
        {
            // CSV has no room for the methodology and the sources its sourceIds point to, Markdown none for the claims'
            // structure; the JSON of the same query has them.
            Response.Headers.Link = $"<{JsonAlternate()}>; rel=\"alternate\"; type=\"{ResponseFormats.JsonMediaType}\"";
        }

        if (Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }

        if (format != ResponseFormat.Json && alternative is not null)
        {
            return alternative(answer.Result.Value!);
        }

        return File(answer.Json, "application/json; charset=utf-8");
    }

    /// <summary>This request's path and query without <c>format</c>: the same answer as JSON.</summary>
    private string JsonAlternate() => (Request.PathBase + Request.Path).ToUriComponent() + QueryString.Create(Request.Query
        .Where(p => !p.Key.Equals(ResponseFormats.ParameterName, StringComparison.OrdinalIgnoreCase))
        .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v))))
        .ToUriComponent();

    private IActionResult Failure(QueryError error)
    {
        if (error.Status == StatusCodes.Status400BadRequest)
        {
            ModelState.AddModelError(error.Parameter, error.Message);
            return ValidationProblem();
        }

        var problem = ProblemDetailsFactory.CreateProblemDetails(
            HttpContext,
            error.Status,
            error.Status == StatusCodes.Status404NotFound ? "Unknown symbol" : "Not enough data",
            detail: error.Message);
        problem.Extensions["parameter"] = error.Parameter;
        return new ObjectResult(problem) { StatusCode = error.Status, ContentTypes = { "application/problem+json" } };
    }
}
