using Microsoft.AspNetCore.Mvc;
using RotationAnalytics.Api.Admin;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Ingestion.Providers;
using RotationAnalytics.Ingestion.Runs;

namespace RotationAnalytics.Api.Controllers;

/// <summary>Ingestion runs: history, detail with progress, starting a run (asynchronously) and cancelling it. Requires the X-Api-Key header.</summary>
[Route("admin/ingestion/runs")]
public sealed class AdminIngestionController(RotationDbContext db, IngestionRunQueue queue) : AdminControllerBase
{
    /// <summary>The most recent runs, newest first, with row totals and progress.</summary>
    /// <param name="limit">How many runs (1–500, default 50).</param>
    /// <param name="cancellationToken">Request abort.</param>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<IngestionRunResponse>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<IReadOnlyList<IngestionRunResponse>>> List([FromQuery] int limit = 50, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 500)
        {
            return Fail(AdminFailure.Invalid([new FieldError("limit", "limit must be between 1 and 500.")]));
        }

        return Ok(await db.ListRunsAsync(limit, cancellationToken));
    }

    /// <summary>One run: status, progress (symbols done of total, rows so far) and per-symbol outcomes.</summary>
    /// <param name="id">Run id.</param>
    /// <param name="cancellationToken">Request abort.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<IngestionRunResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<IngestionRunResponse>> Get(long id, CancellationToken cancellationToken) =>
        await db.FindRunAsync(id, cancellationToken) is { } run
            ? Ok(run)
            : Fail(AdminFailure.NotFound("id", $"No ingestion run {id}."));

    /// <summary>
    /// Validates the request, queues the run and answers at once: 202 with Location <c>/admin/ingestion/runs/{id}</c> to
    /// follow it. A run waits while another one (from any process sharing the database) holds the ingestion lock.
    /// </summary>
    /// <param name="request">Symbols, provider and date range; all optional.</param>
    /// <param name="cancellationToken">Request abort (the run itself is not tied to the request).</param>
    /// <response code="202">Queued; the body is the run as it stands.</response>
    /// <response code="400">Unknown or retired symbols, an unknown or unconfigured provider, from after to; named in <c>errors</c>.</response>
    /// <response code="503">The run queue is full; retry later.</response>
    [HttpPost]
    [ProducesResponseType<IngestionRunResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, "application/problem+json")]
    public async Task<ActionResult<IngestionRunResponse>> Start([FromBody] StartIngestionRunRequest request, CancellationToken cancellationToken)
    {
        var demo = request.Provider == DemoDailyBarProvider.ProviderId;
        var accepted = await queue.EnqueueAsync(
            new IngestionRequest
            {
                Trigger = "manual",
                Symbols = request.Symbols,
                Provider = demo ? null : request.Provider,
                Demo = demo,
                From = request.From,
                To = request.To,
            },
            cancellationToken);
        if (accepted.Error is { } error)
        {
            return Fail(AdminFailure.Invalid([new FieldError(error.Field, error.Message)]));
        }

        if (accepted.QueueFull)
        {
            Response.Headers.RetryAfter = "60";
            return Fail(new AdminFailure(StatusCodes.Status503ServiceUnavailable, [new FieldError("queue", $"{IngestionRunQueue.Capacity} runs are already queued; retry later.")]));
        }

        var id = accepted.RunId!.Value;
        return AcceptedAtAction(nameof(Get), new { id }, await db.FindRunAsync(id, CancellationToken.None));
    }

    /// <summary>
    /// Cancels a queued or running run: a queued run ends cancelled at once (200); a running one stops after the symbols in
    /// flight (202) and ends cancelled. Batches committed before stay.
    /// </summary>
    /// <param name="id">Run id.</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <response code="200">The run was waiting and is cancelled.</response>
    /// <response code="202">The run is stopping; follow it with GET.</response>
    /// <response code="404">No such run.</response>
    /// <response code="409">The run has already ended.</response>
    [HttpDelete("{id}")]
    [ProducesResponseType<IngestionRunResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<IngestionRunResponse>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<IngestionRunResponse>> Cancel(long id, CancellationToken cancellationToken)
    {
        var cancellation = await queue.CancelAsync(id, cancellationToken);
        var run = await db.FindRunAsync(id, cancellationToken);
        return cancellation switch
        {
            IngestionRunCancellation.NotFound => Fail(AdminFailure.NotFound("id", $"No ingestion run {id}.")),
            IngestionRunCancellation.AlreadyFinished => Fail(AdminFailure.Conflict("id", $"Ingestion run {id} has already ended ({run?.Status}).")),
            IngestionRunCancellation.Cancelled => Ok(run),
            _ => AcceptedAtAction(nameof(Get), new { id }, run),
        };
    }
}
