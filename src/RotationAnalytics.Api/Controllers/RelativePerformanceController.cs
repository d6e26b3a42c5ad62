using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Api.Services;
using RotationAnalytics.Domain.Returns;

namespace RotationAnalytics.Api.Controllers;

/// <summary>How symbols did against a benchmark over a window (SPEC §3.1).</summary>
[Route("relative-performance")]
public sealed class RelativePerformanceController(RelativePerformanceService service, MarketClock clock) : AnalyticsControllerBase(clock)
{
    /// <summary>Window return, excess and ratio return, daily excess statistics and optionally the RS line per symbol.</summary>
    /// <remarks>Example: <c>GET /relative-performance?symbols=QQQ,IWM,SPY&amp;benchmark=SPY&amp;from=2026-01-01&amp;to=2026-01-23</c>.</remarks>
    /// <param name="symbols" example="QQQ,IWM,SPY">Comma-separated symbols or aliases (at most 25).</param>
    /// <param name="benchmark" example="SPY">Benchmark symbol or alias.</param>
    /// <param name="from" example="2026-01-01">yyyy-MM-dd, first day whose return counts. Default: 1 January of <c>to</c>'s year (year to date).</param>
    /// <param name="to" example="2026-01-23">yyyy-MM-dd, last day. Default: the latest date on which every instrument has a bar.</param>
    /// <param name="basis" example="close">close (default): base is the close before <c>from</c>; open: base is the open of the first day.</param>
    /// <param name="rsLine">true to include the relative-strength line RS(t) = 100·(CA(t)/CA(base))/(CB(t)/CB(base)).</param>
    /// <param name="returnType" example="price">price (default): closes; total: a total-return index with cash dividends reinvested (SPEC §2), 422 naming the instrument where its dividend information is missing.</param>
    /// <param name="format">json (default) or csv (one row per symbol).</param>
    /// <response code="200">One result per symbol, with sources.</response>
    /// <response code="400">A parameter is malformed or out of range; each is named in <c>errors</c>.</response>
    /// <response code="404">An unknown symbol or benchmark.</response>
    /// <response code="422">No trading days of the pair in the window. Or returnType=total where an instrument has no dividend information (no source reporting dividends, no adjusted close) over the data used.</response>
    [HttpGet]
    [ProducesResponseType<RelativePerformanceResponse>(StatusCodes.Status200OK)]
    [ProducesAlternative(ResponseFormat.Csv)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public IActionResult Get(
        string? symbols, string? benchmark, string? from, string? to, string? basis, string? rsLine, string? returnType, string? format)
    {
        var fromDate = Query.Date(nameof(from), from);
        var toDate = Query.Date(nameof(to), to);
        Query.Ordered(nameof(from), fromDate, nameof(to), toDate);
        var query = new RelativePerformanceQuery(
            Query.Symbols(nameof(symbols), symbols) ?? [],
            Query.Symbol(nameof(benchmark), benchmark) ?? string.Empty,
            fromDate,
            toDate,
            Query.Choice(nameof(basis), basis, "close", "close", "open") == "open" ? PriceBasis.Open : PriceBasis.Close,
            Query.Choice(nameof(rsLine), rsLine, "false", "true", "false") == "true",
            Query.ReturnType(nameof(returnType), returnType));
        var responseFormat = RequestedFormat(tabular: true);
        if (!Query.IsValid)
        {
            return ValidationProblem();
        }

        var result = service.Get(query, CacheKey);
        return Respond(result, responseFormat, r => new CsvTable(
            $"relative-performance-{r.Benchmark}",
            ["symbol", "benchmark", "baseDate", "basePrice", "endDate", "endPrice", "return", "benchmarkReturn", "excessReturn",
             "ratioReturn", "tradingDays", "averageDailyExcessReturn", "outperformingDays", "outperformingShare", "sourceIds"],
            r.Results.Select(i => new object?[]
            {
                i.Symbol, r.Benchmark, i.Base.Date, i.Base.Price, i.End.Date, i.End.Price, i.Return, i.BenchmarkReturn, i.ExcessReturn,
                i.RatioReturn, i.TradingDays, i.AverageDailyExcessReturn, i.OutperformingDays, i.OutperformingShare, i.SourceIds,
            })));
    }
}
