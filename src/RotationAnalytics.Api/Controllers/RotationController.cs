using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Api.Services;
using RotationAnalytics.Domain.Rotation;

namespace RotationAnalytics.Api.Controllers;

/// <summary>Relative rotation (RRG-style) of symbols against a benchmark (SPEC §3.6).</summary>
[Route("rotation")]
public sealed class RotationController(RotationService service, MarketClock clock) : AnalyticsControllerBase(clock)
{
    /// <summary>RS-Ratio, RS-Momentum, quadrant and tail per symbol as of a date.</summary>
    /// <remarks>Example: <c>GET /rotation?benchmark=SPY&amp;asOf=2026-01-23&amp;tail=5</c> (symbols default to the 11 sector funds).</remarks>
    /// <param name="benchmark" example="SPY">Benchmark symbol or alias (default SPY).</param>
    /// <param name="symbols" example="XLB,XLU,XLK">Comma-separated symbols (at most 25). Default: the members of the <c>us-sectors</c> group.</param>
    /// <param name="asOf" example="2026-01-23">yyyy-MM-dd; only data up to it enters. Default: the latest data.</param>
    /// <param name="tail" example="5">Number of points in each tail (1–260, default 10).</param>
    /// <param name="ratioWindow">Trailing window of the RS-Ratio z-score (10–252, default 63).</param>
    /// <param name="momentumWindow">Trailing window of the RS-Momentum z-score (5–126, default 21).</param>
    /// <response code="200">The rotation points with their sources.</response>
    /// <response code="400">A parameter is malformed or out of range; each is named in <c>errors</c>.</response>
    /// <response code="404">An unknown symbol or benchmark.</response>
    /// <response code="422">Not enough common history before asOf for a complete point.</response>
    [HttpGet]
    [ProducesResponseType<RotationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public IActionResult Get(
        string? benchmark, string? symbols, string? asOf, string? tail, string? ratioWindow, string? momentumWindow)
    {
        var query = new RotationQuery(
            Query.Symbol(nameof(benchmark), benchmark, required: false) ?? "SPY",
            Query.Symbols(nameof(symbols), symbols, required: false),
            Query.Date(nameof(asOf), asOf),
            Query.WholeNumber(nameof(tail), tail, 10, 1, 260),
            Query.WholeNumber(nameof(ratioWindow), ratioWindow, RelativeRotation.DefaultRatioWindow, 10, 252),
            Query.WholeNumber(nameof(momentumWindow), momentumWindow, RelativeRotation.DefaultMomentumWindow, 5, 126));
        var responseFormat = RequestedFormat(tabular: false);
        if (!Query.IsValid)
        {
            return ValidationProblem();
        }

        return Respond(service.Get(query, CacheKey), responseFormat);
    }
}
