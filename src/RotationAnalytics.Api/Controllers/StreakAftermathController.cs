using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Api.Services;
using RotationAnalytics.Domain.Streaks;

namespace RotationAnalytics.Api.Controllers;

/// <summary>What followed earlier streaks like the current one: an event study on the pair's history (SPEC §3.8).</summary>
[Route("streaks/aftermath")]
public sealed class StreakAftermathController(StreakAftermathService service, MarketClock clock) : AnalyticsControllerBase(clock)
{
    /// <summary>Forward returns of the symbol, the benchmark and the excess after each earlier streak, and their summary per horizon.</summary>
    /// <remarks>
    /// Example: <c>GET /streaks/aftermath?symbol=RUT&amp;benchmark=SPX&amp;asOf=2026-01-22</c> — the Russell 2000's 14-day run
    /// against the S&amp;P 500: what followed the earlier runs of at least 14 days? <c>format=csv</c> (or
    /// <c>Accept: text/csv</c>) returns one row per event and horizon (the requested page).
    /// </remarks>
    /// <param name="symbol" example="RUT">Symbol or alias (case-insensitive).</param>
    /// <param name="benchmark" example="SPX">Benchmark symbol or alias.</param>
    /// <param name="asOf" example="2026-01-22">yyyy-MM-dd; only data up to it enters. Default: the latest common date.</param>
    /// <param name="direction" example="outperform">outperform or underperform. Default: the current streak's (outperform when asOf is a tie).</param>
    /// <param name="minLength" example="14">Shortest streak counted as an event (1–10000). Default: the current streak's length when it has the direction, else 10.</param>
    /// <param name="horizons" example="5,21,63,126">Comma-separated forward horizons in trading days (each 1–2520, at most 10). Default: 5,21,63,126.</param>
    /// <param name="page" example="1">Events page, from 1.</param>
    /// <param name="pageSize" example="50">Events per page (1–500, default 50); the summary always covers every event.</param>
    /// <param name="returnType" example="price">price (default): closes; total: a total-return index with cash dividends reinvested (SPEC §2), 422 naming the instrument where its dividend information is missing.</param>
    /// <param name="format">json (default) or csv.</param>
    /// <response code="200">The events (one page, oldest first) and the summary per horizon, with sources.</response>
    /// <response code="400">A parameter is malformed or out of range; each is named in <c>errors</c>.</response>
    /// <response code="404">An unknown symbol or benchmark.</response>
    /// <response code="422">Not enough common history (fewer than two common dates up to asOf). Or returnType=total where an instrument has no dividend information (no source reporting dividends, no adjusted close) over the data used.</response>
    [HttpGet]
    [ProducesResponseType<StreakAftermathResponse>(StatusCodes.Status200OK)]
    [ProducesAlternative(ResponseFormat.Csv)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public IActionResult Get(
        string? symbol,
        string? benchmark,
        string? asOf,
        string? direction,
        string? minLength,
        string? horizons,
        string? page,
        string? pageSize,
        string? returnType,
        string? format)
    {
        var query = new StreakAftermathQuery(
            Query.Symbol(nameof(symbol), symbol) ?? string.Empty,
            Query.Symbol(nameof(benchmark), benchmark) ?? string.Empty,
            Query.Date(nameof(asOf), asOf),
            Query.Choice(nameof(direction), direction, string.Empty, "outperform", "underperform") switch
            {
                "outperform" => StreakDirection.Outperform,
                "underperform" => StreakDirection.Underperform,
                _ => null,
            },
            minLength is null ? null : Query.WholeNumber(nameof(minLength), minLength, 1, 1, 10_000),
            Query.WholeNumbers(nameof(horizons), horizons, 1, 2520, 10),
            Query.WholeNumber(nameof(page), page, 1, 1, 1_000_000),
            Query.WholeNumber(nameof(pageSize), pageSize, 50, 1, 500),
            Query.ReturnType(nameof(returnType), returnType));
        var responseFormat = RequestedFormat(tabular: true);
        if (!Query.IsValid)
        {
            return ValidationProblem();
        }

        var result = service.Get(query, CacheKey);
        return Respond(result, responseFormat, r => new CsvTable(
            $"aftermath-{r.Symbol}-{r.Benchmark}",
            ["direction", "startDate", "endDate", "length", "cumulativeExcessReturn", "horizon", "forwardDate", "return", "benchmarkReturn",
             "excessReturn", "sourceIds"],
            r.Events.SelectMany(e => r.Horizons.Select(h => e.Forward[h.ToString(System.Globalization.CultureInfo.InvariantCulture)] is { } f
                ? new object?[]
                {
                    r.Direction.ToString().ToLowerInvariant(), e.StartDate, e.EndDate, e.Length, e.CumulativeExcessReturn, h, f.Date, f.Return,
                    f.BenchmarkReturn, f.ExcessReturn, string.Join(';', e.SourceIds),
                }
                : new object?[]
                {
                    r.Direction.ToString().ToLowerInvariant(), e.StartDate, e.EndDate, e.Length, e.CumulativeExcessReturn, h, null, null, null,
                    null, string.Join(';', e.SourceIds),
                }))));
    }
}
