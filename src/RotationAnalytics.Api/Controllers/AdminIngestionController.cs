using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Admin;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Ingestion.Providers;
using RotationAnalytics.Ingestion.Runs;

namespace RotationAnalytics.Api.Controllers;

/// <summary>Ingestion runs: history, detail, and starting a run by hand. Requires the X-Api-Key header.</summary>
[ApiController]
[Route("admin/ingestion/runs")]
[Produces("application/json")]
[RequireAdminApiKey]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
public sealed class AdminIngestionController(RotationDbContext db) : ControllerBase
{
    /// <summary>The most recent runs, newest first, with row totals.</summary>
    /// <param name="limit">How many runs (1–500, default 50).</param>
    /// <param name="cancellationToken">Request abort.</param>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<IngestionRunResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<IReadOnlyList<IngestionRunResponse>>> List([FromQuery] int limit = 50, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 500)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, detail: "limit must be between 1 and 500.");
        }

        return Ok(await db.ListRunsAsync(limit, cancellationToken));
    }

    /// <summary>One run with its per-symbol outcomes.</summary>
    /// <param name="id">Run id.</param>
    /// <param name="cancellationToken">Request abort.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<IngestionRunResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<IngestionRunResponse>> Get(long id, CancellationToken cancellationToken) =>
        await db.FindRunAsync(id, cancellationToken) is { } run
            ? Ok(run)
            : Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No ingestion run {id}.");

    /// <summary>
    /// Runs an ingestion now and answers when it has finished (201 with the run). 409 when another run (from any
    /// process sharing the database) is in progress.
    /// </summary>
    /// <param name="request">Symbols, provider and date range; all optional.</param>
    /// <param name="runner">The ingestion pipeline.</param>
    /// <param name="lifetime">The run is not tied to this request: it stops only when the host stops.</param>
    [HttpPost]
    [ProducesResponseType<IngestionRunResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<IngestionRunResponse>> Start(
        [FromBody] StartIngestionRunRequest request, [FromServices] IngestionRunner runner, [FromServices] IHostApplicationLifetime lifetime)
    {
        if (request.From > request.To)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, detail: "from must not be after to.");
        }

        IngestionRunOutcome? outcome;
        try
        {
            outcome = await runner.RunAsync(
                new IngestionRequest
                {
                    Trigger = "manual",
                    Symbols = request.Symbols,
                    Provider = request.Provider == DemoDailyBarProvider.ProviderId ? null : request.Provider,
                    Demo = request.Provider == DemoDailyBarProvider.ProviderId,
                    From = request.From,
                    To = request.To,
                    WaitForLock = false,
                },
                lifetime.ApplicationStopping);
        }
        catch (ArgumentException e)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, detail: e.Message);
        }

        if (outcome is null)
        {
            return Problem(statusCode: StatusCodes.Status409Conflict, detail: "Another ingestion run is in progress; try again when it has finished.");
        }

        var run = await db.FindRunAsync(outcome.RunId, lifetime.ApplicationStopping);
        return CreatedAtAction(nameof(Get), new { id = outcome.RunId }, run);
    }
}
