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
    /// <remarks>
    /// Example: <c>GET /rotation?benchmark=SPY&amp;asOf=2026-01-23&amp;tail=5</c> (symbols default to the 11 sector funds).
    /// Defaults: weekly points, RS-Ratio over 52 weeks, RS-Momentum over 13 weeks of the 5-week rate of change — chosen so
    /// that a steady multi-week run does not flip quadrants day to day (measured in docs/domain.md). The older daily form is
    /// <c>interval=day&amp;ratioWindow=63&amp;momentumWindow=21&amp;momentumLag=1</c>.
    /// </remarks>
    /// <param name="benchmark" example="SPY">Benchmark symbol or alias (default SPY).</param>
    /// <param name="symbols" example="XLB,XLU,XLK">Comma-separated symbols (at most 25). Exclusive with <c>group</c>. Default: the members of the <c>us-sectors</c> group.</param>
    /// <param name="group" example="us-sectors">An instrument group whose members are placed (default <c>us-sectors</c>). Exclusive with <c>symbols</c>.</param>
    /// <param name="asOf" example="2026-01-23">yyyy-MM-dd; only data up to it enters. Default: the latest data.</param>
    /// <param name="tail" example="5">Number of points in each tail (1–260, default 10), in intervals.</param>
    /// <param name="interval" example="week">week (default: the pair's last common trading date of each ISO week) or day (every common date). Windows and lag count intervals.</param>
    /// <param name="ratioWindow" example="52">Trailing window of the RS-Ratio z-score in intervals (10–252, default 52).</param>
    /// <param name="momentumWindow" example="13">Trailing window of the RS-Momentum z-score in intervals (5–126, default 13).</param>
    /// <param name="momentumLag" example="5">Intervals over which RS-Ratio's rate of change is taken (1–52, default 5).</param>
    /// <param name="format">json only (the tails are nested).</param>
    /// <response code="200">The rotation points with their sources.</response>
    /// <response code="400">A parameter is malformed or out of range; each is named in <c>errors</c>.</response>
    /// <response code="404">An unknown symbol, benchmark or group.</response>
    /// <response code="422">Not enough common history before asOf for a complete point.</response>
    [HttpGet]
    [ProducesResponseType<RotationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public IActionResult Get(
        string? benchmark,
        string? symbols,
        string? group,
        string? asOf,
        string? tail,
        string? interval,
        string? ratioWindow,
        string? momentumWindow,
        string? momentumLag,
        string? format)
    {
        if (symbols is not null && group is not null)
        {
            Query.Fail(nameof(group), "Give either symbols or group, not both.");
        }

        var defaults = RotationParameters.Default;
        var parameters = new RotationParameters(
            Query.Choice(nameof(interval), interval, "week", "week", "day") == "day" ? RotationInterval.Day : RotationInterval.Week,
            Query.WholeNumber(nameof(ratioWindow), ratioWindow, defaults.RatioWindow, 10, 252),
            Query.WholeNumber(nameof(momentumWindow), momentumWindow, defaults.MomentumWindow, 5, 126),
            Query.WholeNumber(nameof(momentumLag), momentumLag, defaults.MomentumLag, 1, 52));
        var query = new RotationQuery(
            Query.Symbol(nameof(benchmark), benchmark, required: false) ?? "SPY",
            Query.Symbols(nameof(symbols), symbols, required: false),
            Query.Group(nameof(group), group),
            Query.Date(nameof(asOf), asOf),
            Query.WholeNumber(nameof(tail), tail, 10, 1, 260),
            parameters);
        var responseFormat = RequestedFormat(tabular: false);
        if (!Query.IsValid)
        {
            return ValidationProblem();
        }

        return Respond(service.Get(query, CacheKey), responseFormat);
    }
}
