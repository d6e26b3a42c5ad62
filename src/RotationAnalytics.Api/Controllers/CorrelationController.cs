using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Api.Services;
using RotationAnalytics.Domain.Correlation;

namespace RotationAnalytics.Api.Controllers;

/// <summary>Correlation and beta of daily returns against a benchmark, whole window and trailing (SPEC §3.9).</summary>
[Route("correlation")]
public sealed class CorrelationController(CorrelationService service, MarketClock clock) : AnalyticsControllerBase(clock)
{
    /// <summary>Pearson correlation and beta over [from, to], and the trailing-window series per symbol.</summary>
    /// <remarks>
    /// Example: <c>GET /correlation?symbols=IWM&amp;benchmark=SPY&amp;from=2025-01-01&amp;to=2025-12-31&amp;window=63</c> — how closely
    /// did small caps track the S&amp;P 500 in 2025, and how did that change? <c>format=csv</c> (or <c>Accept: text/csv</c>)
    /// returns the series, one row per symbol and date.
    /// </remarks>
    /// <param name="symbols" example="IWM">Comma-separated symbols or aliases (at most 25).</param>
    /// <param name="benchmark" example="SPY">Benchmark symbol or alias.</param>
    /// <param name="from" example="2025-01-01">yyyy-MM-dd, date of the first return counted. Default: one year before <c>to</c> (the day after).</param>
    /// <param name="to" example="2025-12-31">yyyy-MM-dd, date of the last return. Default: the latest date on which every instrument has a bar.</param>
    /// <param name="window" example="63">Trailing window of the series in returns (5–756, default 63).</param>
    /// <param name="returnType" example="price">price (default): closes; total: a total-return index with cash dividends reinvested (SPEC §2), 422 naming the instrument where its dividend information is missing.</param>
    /// <param name="format">json (default) or csv (the series).</param>
    /// <response code="200">One result per symbol, with sources.</response>
    /// <response code="400">A parameter is malformed or out of range; each is named in <c>errors</c>.</response>
    /// <response code="404">An unknown symbol or benchmark.</response>
    /// <response code="422">Fewer than two common daily returns dated in [from, to]. Or returnType=total where an instrument has no dividend information (no source reporting dividends, no adjusted close) over the data used.</response>
    [HttpGet]
    [ProducesResponseType<CorrelationResponse>(StatusCodes.Status200OK)]
    [ProducesAlternative(ResponseFormat.Csv)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public IActionResult Get(string? symbols, string? benchmark, string? from, string? to, string? window, string? returnType, string? format)
    {
        var fromDate = Query.Date(nameof(from), from);
        var toDate = Query.Date(nameof(to), to);
        Query.Ordered(nameof(from), fromDate, nameof(to), toDate);
        var query = new CorrelationQuery(
            Query.Symbols(nameof(symbols), symbols) ?? [],
            Query.Symbol(nameof(benchmark), benchmark) ?? string.Empty,
            fromDate,
            toDate,
            Query.WholeNumber(nameof(window), window, ReturnCorrelation.DefaultWindow, 5, 756),
            Query.ReturnType(nameof(returnType), returnType));
        var responseFormat = RequestedFormat(tabular: true);
        if (!Query.IsValid)
        {
            return ValidationProblem();
        }

        var result = service.Get(query, CacheKey);
        return Respond(result, responseFormat, r => new CsvTable(
            $"correlation-{r.Benchmark}",
            ["symbol", "date", "correlation", "beta", "sourceIds"],
            r.Results.SelectMany(i => i.Series.Select(p => new object?[] { i.Symbol, p.Date, p.Correlation, p.Beta, string.Join(';', i.SourceIds) }))));
    }
}
