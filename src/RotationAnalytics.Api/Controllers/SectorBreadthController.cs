using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Api.Services;
using RotationAnalytics.Infrastructure.Seeding;

namespace RotationAnalytics.Api.Controllers;

/// <summary>Breadth across a group of instruments, by default the 11 SPDR sector funds (SPEC §3.4).</summary>
[Route("breadth/sectors")]
public sealed class SectorBreadthController(SectorBreadthService service, MarketClock clock) : AnalyticsControllerBase(clock)
{
    /// <summary>Member returns and ranks, advancers/decliners, A/D line, SMA breadth, dispersion, leader/laggard, super-sectors.</summary>
    /// <remarks>
    /// Either <c>date</c> (that day's returns) or a window <c>from</c>/<c>to</c>; neither: the latest date every member has.
    /// Example: <c>GET /breadth/sectors?from=2026-01-02&amp;to=2026-01-23</c> — materials led, utilities lagged?
    /// </remarks>
    /// <param name="date">yyyy-MM-dd: a single trading day (close-to-close returns of that day).</param>
    /// <param name="from" example="2026-01-02">yyyy-MM-dd: first day of a window. Default with <c>to</c>: <c>to</c> itself.</param>
    /// <param name="to" example="2026-01-23">yyyy-MM-dd: last day of a window. Default: the latest date on which every member has a bar.</param>
    /// <param name="group" example="us-sectors">Instrument group (default <c>us-sectors</c>); any group of /instruments works.</param>
    /// <param name="format">json (default) or csv (the members).</param>
    /// <response code="200">The breadth report with its sources.</response>
    /// <response code="400">A parameter is malformed, out of range or combined with an exclusive one; each is named in <c>errors</c>.</response>
    /// <response code="404">An unknown group.</response>
    /// <response code="422">No stored data for the group's members up to the date.</response>
    [HttpGet]
    [ProducesResponseType<SectorBreadthResponse>(StatusCodes.Status200OK)]
    [ProducesAlternative(ResponseFormat.Csv)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public IActionResult Get(string? date, string? from, string? to, string? group, string? format)
    {
        var day = Query.Date(nameof(date), date);
        var fromDate = Query.Date(nameof(from), from);
        var toDate = Query.Date(nameof(to), to);
        Query.Ordered(nameof(from), fromDate, nameof(to), toDate);
        if (!string.IsNullOrWhiteSpace(date) && (!string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to)))
        {
            Query.Fail(nameof(date), "Give either date or from/to, not both.");
        }

        if (group is { Length: > 60 } || (group is not null && !group.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            Query.Fail(nameof(group), "A group name has 1–60 letters, digits, '-' or '_'.");
        }

        var query = day is { } d
            ? new SectorBreadthQuery(group ?? DefaultUniverse.SectorGroup, d, d)
            : new SectorBreadthQuery(string.IsNullOrWhiteSpace(group) ? DefaultUniverse.SectorGroup : group, fromDate, toDate);
        var responseFormat = RequestedFormat(tabular: true);
        if (!Query.IsValid)
        {
            return ValidationProblem();
        }

        var result = service.Get(query, CacheKey);
        return Respond(result, responseFormat, r => new CsvTable(
            $"breadth-{r.Group}",
            ["symbol", "sector", "superSector", "return", "rank", "baseDate", "basePrice", "endDate", "endPrice", "aboveSma50", "aboveSma200", "sourceIds"],
            r.Members.Select(m => new object?[]
            {
                m.Symbol, m.Sector, m.SuperSector?.ToString().ToLowerInvariant(), m.Return, m.Rank, m.Base?.Date, m.Base?.Price,
                m.End?.Date, m.End?.Price, m.AboveSma50, m.AboveSma200, m.SourceIds,
            })));
    }
}
