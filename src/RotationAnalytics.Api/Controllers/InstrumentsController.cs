using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Api.Services;

namespace RotationAnalytics.Api.Controllers;

/// <summary>The instrument universe, what is stored for each instrument, and the stored bars.</summary>
[Route("instruments")]
public sealed class InstrumentsController(InstrumentQueryService instruments, MarketClock clock) : AnalyticsControllerBase(clock)
{
    /// <summary>Lists every instrument with its aliases, groups and stored-data coverage (SPEC §5).</summary>
    /// <response code="200">All instruments, ordered by symbol.</response>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<InstrumentResponse>>(StatusCodes.Status200OK)]
    public IActionResult List() =>
        Respond(instruments.List(CacheKey));

    /// <summary>The stored daily bars of one instrument in a date range, each citing its source batch.</summary>
    /// <remarks>Example: <c>GET /instruments/^GSPC/bars?from=2026-01-02&amp;to=2026-01-23&amp;format=csv</c>.</remarks>
    /// <param name="symbol" example="SPX">Symbol or alias (case-insensitive), e.g. SPX, ^GSPC, iwm.</param>
    /// <param name="from" example="2026-01-02">yyyy-MM-dd. Default: one year before <c>to</c>.</param>
    /// <param name="to" example="2026-01-23">yyyy-MM-dd. Default: the last stored date.</param>
    /// <param name="format">json (default) or csv.</param>
    /// <response code="200">The bars with their sources.</response>
    /// <response code="400">A parameter is malformed or out of range; each is named in <c>errors</c>.</response>
    /// <response code="404">An unknown symbol.</response>
    /// <response code="422">No bars stored for the instrument yet.</response>
    [HttpGet("{symbol}/bars")]
    [ProducesResponseType<BarsResponse>(StatusCodes.Status200OK)]
    [ProducesAlternative(ResponseFormat.Csv)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public IActionResult Bars(string symbol, string? from, string? to, string? format)
    {
        var fromDate = Query.Date(nameof(from), from);
        var toDate = Query.Date(nameof(to), to);
        Query.Ordered(nameof(from), fromDate, nameof(to), toDate);
        var query = new BarsQuery(Query.Symbol(nameof(symbol), symbol) ?? string.Empty, fromDate, toDate);
        var responseFormat = RequestedFormat(tabular: true);
        if (!Query.IsValid)
        {
            return ValidationProblem();
        }

        var result = instruments.GetBars(query, CacheKey);
        return Respond(result, responseFormat, r => new CsvTable(
            $"bars-{r.Symbol}",
            ["date", "open", "high", "low", "close", "adjustedClose", "volume", "flags", "sourceId"],
            r.Bars.Select(b => new object?[] { b.Date, b.Open, b.High, b.Low, b.Close, b.AdjustedClose, b.Volume, string.Join(';', b.Flags), b.SourceId })));
    }
}
