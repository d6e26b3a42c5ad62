using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Briefs;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Http;

namespace RotationAnalytics.Api.Controllers;

/// <summary>The rotation brief: an analyst's note on a pair, every figure cited (SPEC §3.10).</summary>
[Route("briefs/rotation")]
public sealed class BriefsController(BriefService briefs, BriefLanguages languages, MarketClock clock) : AnalyticsControllerBase(clock)
{
    /// <summary>The note in English or Chinese: streak, window returns, records, RSI, sectors, what followed comparable runs.</summary>
    /// <remarks>
    /// Example: <c>GET /briefs/rotation?symbol=RUT&amp;benchmark=SPX&amp;asOf=2026-01-22&amp;compare=COMP&amp;lang=zh</c>.
    /// Each claim lists reference numbers; a reference is a query (relative URL reproducing the figure) or a source batch.
    /// <c>format=markdown</c> (or <c>Accept: text/markdown</c>) returns the note as Markdown with the numbered references at its end.
    /// </remarks>
    /// <param name="symbol" example="RUT">Symbol or alias (case-insensitive).</param>
    /// <param name="benchmark" example="SPX">Benchmark symbol or alias.</param>
    /// <param name="asOf" example="2026-01-22">yyyy-MM-dd; only data up to it enters. Default: the latest common date.</param>
    /// <param name="from" example="2026-01-02">yyyy-MM-dd, first day of the return window. Default: the first day of the current streak.</param>
    /// <param name="compare" example="COMP">Comma-separated symbols whose window returns are reported beside the symbol's.</param>
    /// <param name="lang" example="en">en (default) or zh.</param>
    /// <param name="format">json (default) or markdown.</param>
    /// <response code="200">The brief with its numbered references.</response>
    /// <response code="400">A parameter is malformed or out of range (e.g. an unsupported lang); each is named in <c>errors</c>.</response>
    /// <response code="404">An unknown symbol, benchmark or compare symbol.</response>
    /// <response code="422">Not enough common history (fewer than two common dates up to asOf).</response>
    [HttpGet]
    [ProducesResponseType<BriefResponse>(StatusCodes.Status200OK)]
    [ProducesAlternative(ResponseFormat.Markdown)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, "application/problem+json")]
    public IActionResult Get(string? symbol, string? benchmark, string? asOf, string? from, string? compare, string? lang, string? format)
    {
        var asOfDate = Query.Date(nameof(asOf), asOf);
        var fromDate = Query.Date(nameof(from), from);
        Query.Ordered(nameof(from), fromDate, nameof(asOf), asOfDate);
        var query = new BriefQuery(
            Query.Symbol(nameof(symbol), symbol) ?? string.Empty,
            Query.Symbol(nameof(benchmark), benchmark) ?? string.Empty,
            asOfDate,
            fromDate,
            Query.Symbols(nameof(compare), compare, required: false) ?? [],
            Query.Choice(nameof(lang), lang, BriefLanguages.Supported[0], [.. BriefLanguages.Supported]));
        var responseFormat = RequestedFormat(ResponseFormat.Markdown);
        if (!Query.IsValid)
        {
            return ValidationProblem();
        }

        var result = briefs.Get(query, CacheKey);
        return Respond(result, responseFormat, r => new MarkdownDocument(
            $"brief-{r.Symbol}-{r.Benchmark}-{r.AsOf:yyyy-MM-dd}.{r.Lang}", BriefMarkdown.Render(r, languages[r.Lang])));
    }
}
