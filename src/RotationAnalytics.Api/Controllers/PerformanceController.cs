using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Api.Services;
using RotationAnalytics.Domain.Horizons;

namespace RotationAnalytics.Api.Controllers;

/// <summary>Returns over standard horizons (1D … MAX) against a benchmark, with ranks (SPEC §3.7).</summary>
[Route("performance")]
public sealed class PerformanceController(PerformanceService service, MarketClock clock) : AnalyticsControllerBase(clock)
{
    /// <summary>Per instrument and horizon: base date and price, return, annualized (1Y+), benchmark return, excess and rank.</summary>
    /// <remarks>
    /// Example: <c>GET /performance?symbols=XLK,XLU&amp;benchmark=SPY&amp;asOf=2026-01-22&amp;horizons=1M,YTD,1Y</c> — did
    /// technology or utilities lead over the month, the year to date and the year? Give either <c>symbols</c> or
    /// <c>group</c>. <c>format=csv</c> (or <c>Accept: text/csv</c>) returns one row per symbol and horizon.
    /// </remarks>
    /// <param name="symbols" example="XLK,XLU">Comma-separated symbols or aliases (at most 25). Exclusive with <c>group</c>.</param>
    /// <param name="group" example="us-sectors">An instrument group (e.g. <c>us-sectors</c>); its members are the rows. Exclusive with <c>symbols</c>.</param>
    /// <param name="benchmark" example="SPY">Benchmark symbol or alias (default SPY).</param>
    /// <param name="asOf" example="2026-01-22">yyyy-MM-dd; each instrument ends at its last trading date on or before it. Default: the latest date on which every instrument has a bar.</param>
    /// <param name="horizons" example="1M,YTD,1Y">Comma-separated codes among 1D 1W WTD MTD 1M QTD 3M 6M YTD 1Y 3Y 5Y 10Y MAX, in the order wanted. Default: all, in that order.</param>
    /// <param name="returnType" example="price">price (default): closes; total: a total-return index with cash dividends reinvested (SPEC §2), 422 naming the instrument where its dividend information is missing.</param>
    /// <param name="format">json (default) or csv (one row per symbol and horizon).</param>
    /// <response code="200">One row per instrument, the benchmark's own row, with sources.</response>
    /// <response code="400">A parameter is malformed or out of range (e.g. an unknown horizon code, or both symbols and group); each is named in <c>errors</c>.</response>
    /// <response code="404">An unknown symbol, benchmark or group.</response>
    /// <response code="422">No bar of the instruments or the benchmark on or before asOf. Or returnType=total where an instrument has no dividend information (no source reporting dividends, no adjusted close) over the data used.</response>
    [HttpGet]
    [ProducesResponseType<PerformanceResponse>(StatusCodes.Status200OK)]
    [ProducesAlternative(ResponseFormat.Csv)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public IActionResult Get(
        string? symbols, string? group, string? benchmark, string? asOf, string? horizons, string? returnType, string? format)
    {
        if (symbols is not null && group is not null)
        {
            Query.Fail(nameof(group), "Give either symbols or group, not both.");
        }
        else if (symbols is null && group is null)
        {
            Query.Fail(nameof(symbols), "symbols or group is required.");
        }

        var horizonList = PerformanceHorizons.ParseList(horizons);
        if (!horizonList.IsSuccess)
        {
            Query.Fail(nameof(horizons), horizonList.Error.Message);
        }

        var query = new PerformanceQuery(
            symbols is null ? null : Query.Symbols(nameof(symbols), symbols) ?? [],
            Query.Group(nameof(group), group),
            Query.Symbol(nameof(benchmark), benchmark, required: false) ?? "SPY",
            Query.Date(nameof(asOf), asOf),
            horizonList.IsSuccess ? horizonList.Value : [],
            Query.ReturnType(nameof(returnType), returnType));
        var responseFormat = RequestedFormat(tabular: true);
        if (!Query.IsValid)
        {
            return ValidationProblem();
        }

        var result = service.Get(query, CacheKey);
        var returnTypeText = query.ReturnType.ToString().ToLowerInvariant();
        return Respond(result, responseFormat, r => new CsvTable(
            $"performance-{r.Benchmark}-{r.AsOf:yyyy-MM-dd}",
            ["symbol", "horizon", "benchmark", "returnType", "endDate", "endPrice", "baseLimit", "baseDate", "basePrice", "return",
             "annualized", "benchmarkReturn", "excessReturn", "rank", "unavailable", "sourceIds"],
            r.Rows.SelectMany(row => r.Horizons.Select(code => row.Returns?[code] is { } c
                ? new object?[]
                {
                    row.Symbol, code, r.Benchmark, returnTypeText, row.EndDate, row.EndPrice, c.BaseLimit, c.BaseDate, c.BasePrice, c.Return,
                    c.Annualized, c.BenchmarkReturn, c.ExcessReturn, c.Rank, c.Unavailable, string.Join(';', row.SourceIds),
                }
                : new object?[]
                {
                    row.Symbol, code, r.Benchmark, returnTypeText, null, null, null, null, null, null, null, null, null, null, row.Unavailable,
                    string.Join(';', row.SourceIds),
                }))));
    }
}
