using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Api.Services;

namespace RotationAnalytics.Api.Controllers;

/// <summary>Outperformance and underperformance streaks of one instrument against another (SPEC §3.2).</summary>
[Route("streaks")]
public sealed class StreaksController(StreakService streaks, MarketClock clock) : AnalyticsControllerBase(clock)
{
    /// <summary>The current streak, its rank and record status, the records of each direction and the paged history.</summary>
    /// <remarks>
    /// Example: <c>GET /streaks?symbol=RUT&amp;benchmark=SPX&amp;asOf=2026-01-23&amp;minLength=10</c> — was the Russell 2000's
    /// January 2026 run a record? <c>format=csv</c> (or <c>Accept: text/csv</c>) returns the history page as CSV.
    /// </remarks>
    /// <param name="symbol" example="RUT">Symbol or alias (case-insensitive), e.g. RUT, IWM, ^RUT.</param>
    /// <param name="benchmark" example="SPX">Benchmark symbol or alias, e.g. SPX, ^GSPC, SPY.</param>
    /// <param name="asOf" example="2026-01-22">yyyy-MM-dd; only data up to this date enters. Default: the latest common date.</param>
    /// <param name="minLength" example="10">Shortest streak listed in the history (1–10000, default 1).</param>
    /// <param name="page" example="1">History page, from 1.</param>
    /// <param name="pageSize" example="50">History items per page (1–500, default 50).</param>
    /// <param name="returnType" example="price">price (default): closes; total: a total-return index with cash dividends reinvested (SPEC §2), 422 naming the instrument where its dividend information is missing.</param>
    /// <param name="format">json (default) or csv.</param>
    /// <response code="200">The streak analysis with its sources.</response>
    /// <response code="400">A parameter is malformed or out of range; each is named in <c>errors</c>.</response>
    /// <response code="404">An unknown symbol or benchmark.</response>
    /// <response code="422">Not enough common history (fewer than two common dates up to asOf). Or returnType=total where an instrument has no dividend information (no source reporting dividends, no adjusted close) over the data used.</response>
    [HttpGet]
    [ProducesResponseType<StreakResponse>(StatusCodes.Status200OK)]
    [ProducesAlternative(ResponseFormat.Csv)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public IActionResult Get(
        string? symbol, string? benchmark, string? asOf, string? minLength, string? page, string? pageSize, string? returnType, string? format)
    {
        var query = new StreakQuery(
            Query.Symbol(nameof(symbol), symbol) ?? string.Empty,
            Query.Symbol(nameof(benchmark), benchmark) ?? string.Empty,
            Query.Date(nameof(asOf), asOf),
            Query.WholeNumber(nameof(minLength), minLength, 1, 1, 10_000),
            Query.WholeNumber(nameof(page), page, 1, 1, 1_000_000),
            Query.WholeNumber(nameof(pageSize), pageSize, 50, 1, 500),
            Query.ReturnType(nameof(returnType), returnType));
        var responseFormat = RequestedFormat(tabular: true);
        if (!Query.IsValid)
        {
            return ValidationProblem();
        }

        var result = streaks.Get(query, CacheKey);
        return Respond(result, responseFormat, r => new CsvTable(
            $"streaks-{r.Symbol}-{r.Benchmark}",
            ["direction", "length", "startDate", "endDate", "cumulativeExcessReturn", "sourceIds"],
            r.History.Items.Select(i => new object?[]
            {
                i.Direction.ToString().ToLowerInvariant(), i.Length, i.StartDate, i.EndDate, i.CumulativeExcessReturn, i.SourceIds,
            })));
    }
}
