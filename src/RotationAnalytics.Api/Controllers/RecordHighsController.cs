using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Api.Services;

namespace RotationAnalytics.Api.Controllers;

/// <summary>Record (all-time-high) closes of an instrument (SPEC §3.5).</summary>
[Route("highs")]
public sealed class RecordHighsController(RecordHighsService service, MarketClock clock) : AnalyticsControllerBase(clock)
{
    /// <summary>Record closes in the window, the latest all-time high, days since it and the drawdown from it.</summary>
    /// <remarks>Example: <c>GET /highs?symbol=RUT&amp;from=2026-01-01&amp;to=2026-01-31</c>.</remarks>
    /// <param name="symbol" example="RUT">Symbol or alias.</param>
    /// <param name="from" example="2026-01-01">yyyy-MM-dd. Default: 1 January of <c>to</c>'s year.</param>
    /// <param name="to" example="2026-01-31">yyyy-MM-dd. Default: the latest stored date.</param>
    /// <param name="format">json (default) or csv (the record dates).</param>
    /// <response code="200">The record closes with their sources.</response>
    /// <response code="400">A parameter is malformed or out of range; each is named in <c>errors</c>.</response>
    /// <response code="404">An unknown symbol.</response>
    /// <response code="422">No stored close on or before <c>to</c>.</response>
    [HttpGet]
    [ProducesResponseType<RecordHighsResponse>(StatusCodes.Status200OK)]
    [ProducesAlternative(ResponseFormat.Csv)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public IActionResult Get(string? symbol, string? from, string? to, string? format)
    {
        var fromDate = Query.Date(nameof(from), from);
        var toDate = Query.Date(nameof(to), to);
        Query.Ordered(nameof(from), fromDate, nameof(to), toDate);
        var query = new RecordHighsQuery(Query.Symbol(nameof(symbol), symbol) ?? string.Empty, fromDate, toDate);
        var responseFormat = RequestedFormat(tabular: true);
        if (!Query.IsValid)
        {
            return ValidationProblem();
        }

        var result = service.Get(query, CacheKey);
        return Respond(result, responseFormat, r => new CsvTable(
            $"highs-{r.Symbol}",
            ["date", "close", "sourceIds"],
            // A record is a close above every earlier one: it rests on the whole history, the answer's sources.
            r.Records.Select(p => new object?[] { p.Date, p.Price, r.SourceIds })));
    }
}
