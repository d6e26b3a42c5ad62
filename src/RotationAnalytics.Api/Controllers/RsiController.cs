using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Api.Services;
using RotationAnalytics.Domain.Indicators;

namespace RotationAnalytics.Api.Controllers;

/// <summary>Wilder's relative strength index with overbought/oversold zones (SPEC §3.3).</summary>
[Route("indicators/rsi")]
public sealed class RsiController(RsiService service, MarketClock clock) : AnalyticsControllerBase(clock)
{
    /// <summary>RSI values for the window; values do not depend on the window (computed over the whole history).</summary>
    /// <remarks>Example: <c>GET /indicators/rsi?symbol=RUT&amp;from=2026-01-02&amp;to=2026-01-23</c>.</remarks>
    /// <param name="symbol" example="RUT">Symbol or alias.</param>
    /// <param name="period" example="14">RSI period N (2–250, default 14).</param>
    /// <param name="from" example="2026-01-02">yyyy-MM-dd. Default: one year before <c>to</c>.</param>
    /// <param name="to" example="2026-01-23">yyyy-MM-dd. Default: the latest stored date.</param>
    /// <param name="overbought">Overbought threshold (0–100, default 70).</param>
    /// <param name="oversold">Oversold threshold (0–100, below overbought, default 30).</param>
    /// <param name="format">json (default) or csv (the series).</param>
    /// <response code="200">The RSI series with its sources.</response>
    /// <response code="400">A parameter is malformed or out of range; each is named in <c>errors</c>.</response>
    /// <response code="404">An unknown symbol.</response>
    /// <response code="422">The history is shorter than period + 1 closes.</response>
    [HttpGet]
    [ProducesResponseType<RsiResponse>(StatusCodes.Status200OK)]
    [ProducesAlternative(ResponseFormat.Csv)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public IActionResult Get(
        string? symbol, string? period, string? from, string? to, string? overbought, string? oversold, string? format)
    {
        var fromDate = Query.Date(nameof(from), from);
        var toDate = Query.Date(nameof(to), to);
        Query.Ordered(nameof(from), fromDate, nameof(to), toDate);
        var overboughtLevel = Query.Number(nameof(overbought), overbought, WilderRsi.DefaultOverbought, 0, 100);
        var oversoldLevel = Query.Number(nameof(oversold), oversold, WilderRsi.DefaultOversold, 0, 100);
        if (oversoldLevel >= overboughtLevel)
        {
            Query.Fail(nameof(oversold), $"oversold ({oversoldLevel}) must be below overbought ({overboughtLevel}).");
        }

        var query = new RsiQuery(
            Query.Symbol(nameof(symbol), symbol) ?? string.Empty,
            Query.WholeNumber(nameof(period), period, WilderRsi.DefaultPeriod, 2, 250),
            fromDate, toDate, overboughtLevel, oversoldLevel);
        var responseFormat = RequestedFormat(tabular: true);
        if (!Query.IsValid)
        {
            return ValidationProblem();
        }

        var result = service.Get(query, CacheKey);
        return Respond(result, responseFormat, r => new CsvTable(
            $"rsi-{r.Symbol}-{r.Period}",
            ["date", "rsi", "zone", "sourceIds"],
            // Wilder smoothing makes every value rest on the whole history up to the window's end: the answer's sources.
            r.Series.Select(i => new object?[] { i.Date, i.Rsi, i.Zone?.ToString().ToLowerInvariant(), r.SourceIds })));
    }
}
