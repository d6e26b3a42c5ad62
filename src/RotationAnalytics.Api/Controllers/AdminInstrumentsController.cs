using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Admin;

namespace RotationAnalytics.Api.Controllers;

/// <summary>Adding and retiring instruments (SPEC §1 "universe as data"). Requires the X-Api-Key header.</summary>
[Route("admin/instruments")]
public sealed class AdminInstrumentsController(InstrumentAdministration instruments) : AdminControllerBase
{
    /// <summary>
    /// Adds an instrument and queues its backfill (201; <c>backfillRun</c> links the run). Provider symbols default from the
    /// symbol (Yahoo <c>HBAN</c>, Stooq <c>hban.us</c>, …); give <c>providerSymbols</c> to override or, with null, drop one.
    /// </summary>
    /// <remarks>
    /// Example body: <c>{"symbol":"HBAN","name":"Huntington Bancshares","kind":"stock","currency":"USD","sector":"Financials","groups":["regional-banks"]}</c>.
    /// </remarks>
    /// <param name="request">The instrument.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="201">Added; Location is the instrument, <c>backfillRun</c> the queued run.</response>
    /// <response code="400">A malformed symbol, kind, currency, sector, group, alias or provider; each is named in <c>errors</c>.</response>
    /// <response code="409">The symbol (or an alias) is already taken, retired instruments included.</response>
    [HttpPost]
    [ProducesResponseType<AdminInstrumentResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<AdminInstrumentResponse>> Add([FromBody] AddInstrumentRequest request, CancellationToken cancellationToken)
    {
        var added = await instruments.AddAsync(request, cancellationToken);
        return added.Failure is { } failure
            ? Fail(failure)
            : CreatedAtAction(nameof(Get), new { symbol = added.Value!.Symbol }, added.Value);
    }

    /// <summary>One instrument with its provider symbols and retirement.</summary>
    /// <param name="symbol">Symbol or alias (case-insensitive).</param>
    /// <param name="cancellationToken">Request abort.</param>
    [HttpGet("{symbol}")]
    [ProducesResponseType<AdminInstrumentResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<AdminInstrumentResponse>> Get(string symbol, CancellationToken cancellationToken) =>
        await instruments.FindAsync(symbol, cancellationToken) is { } found
            ? Ok(found)
            : Fail(AdminFailure.NotFound("symbol", $"Unknown symbol '{symbol}'."));

    /// <summary>
    /// Retires the instrument: no longer pulled; its bars, provenance and group memberships are kept and still answer
    /// queries, and <c>/instruments</c> shows it as retired. Idempotent.
    /// </summary>
    /// <param name="symbol">Symbol or alias (case-insensitive).</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">Retired (now or before).</response>
    /// <response code="404">An unknown symbol.</response>
    [HttpDelete("{symbol}")]
    [ProducesResponseType<AdminInstrumentResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<AdminInstrumentResponse>> Retire(string symbol, CancellationToken cancellationToken)
    {
        var retired = await instruments.RetireAsync(symbol, cancellationToken);
        return retired.Failure is { } failure ? Fail(failure) : Ok(retired.Value);
    }
}
