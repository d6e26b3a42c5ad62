using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Ingestion.Runs;

/// <summary>What became of a request to queue a run: its id, or why it was not accepted.</summary>
/// <param name="QueueFull">True when the request is valid but the queue has no room (try again later).</param>
public sealed record IngestionRunAcceptance(long? RunId, IngestionRequestError? Error, bool QueueFull = false);

/// <summary>What a cancellation request found.</summary>
public enum IngestionRunCancellation
{
    NotFound,

    /// <summary>The run had already ended; nothing changed.</summary>
    AlreadyFinished,

    /// <summary>The run was waiting: it is now cancelled and will not start.</summary>
    Cancelled,

    /// <summary>The run is executing: it stops after the symbols in flight (at once when this process executes it).</summary>
    Cancelling,
}

/// <summary>
/// Asynchronous admin runs: a request is validated, recorded as <c>queued</c> and answered at once; this background
/// service executes queued runs one after another (the ingestion lock serialises them across processes anyway). Each
/// run has its own cancellation token; a cancellation asked through another process reaches the executing one through
/// <c>ingestion_runs.cancel_requested</c>. Runs left <c>queued</c> or <c>running</c> by a process that stopped are marked
/// <c>interrupted</c> when a process starts and no run holds the lock.
/// </summary>
public sealed class IngestionRunQueue(
    IngestionRunner runner,
    IngestionLock ingestionLock,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<IngestionRunQueue> logger) : BackgroundService
{
    /// <summary>Queued runs per process; beyond it a request is refused as "try later" rather than held without bound.</summary>
    public const int Capacity = 64;

    private readonly Channel<QueuedRun> _queue = Channel.CreateBounded<QueuedRun>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _executing = new();
    private readonly DateTimeOffset _processStarted = time.GetUtcNow();

    /// <summary>Validates the request and queues it; nothing is recorded when it is invalid.</summary>
    public async Task<IngestionRunAcceptance> EnqueueAsync(IngestionRequest request, CancellationToken cancellationToken)
    {
        if (await runner.ValidateAsync(request, cancellationToken) is { } error)
        {
            return new IngestionRunAcceptance(null, error);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        var run = new IngestionRun { Trigger = request.Trigger, Status = IngestionRunStatus.Queued, StartedAt = time.GetUtcNow() };
        db.IngestionRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        if (_queue.Writer.TryWrite(new QueuedRun(run.Id, request)))
        {
            return new IngestionRunAcceptance(run.Id, null);
        }

        db.IngestionRuns.Remove(run);
        await db.SaveChangesAsync(CancellationToken.None);
        return new IngestionRunAcceptance(null, null, QueueFull: true);
    }

    /// <summary>Cancels a queued or running run, whichever process holds it.</summary>
    public async Task<IngestionRunCancellation> CancelAsync(long runId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        var now = time.GetUtcNow();
        var wasQueued = await db.IngestionRuns.Where(r => r.Id == runId && r.Status == IngestionRunStatus.Queued).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, IngestionRunStatus.Cancelled).SetProperty(r => r.CancelRequested, true)
                .SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Error, "cancelled by an admin before it started"),
            cancellationToken) == 1;
        var wasRunning = !wasQueued && await db.IngestionRuns.Where(r => r.Id == runId && r.Status == IngestionRunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true), cancellationToken) == 1;
        if (_executing.TryGetValue(runId, out var executing))
        {
            await executing.CancelAsync();
        }

        if (wasQueued)
        {
            return IngestionRunCancellation.Cancelled;
        }

        if (wasRunning)
        {
            return IngestionRunCancellation.Cancelling;
        }

        return await db.IngestionRuns.AnyAsync(r => r.Id == runId, cancellationToken)
            ? IngestionRunCancellation.AlreadyFinished
            : IngestionRunCancellation.NotFound;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await MarkOrphanedRunsInterruptedAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An unreachable database must not stop the host (reads still answer from the snapshot); the next start retries.
            logger.LogWarning("Runs left by a stopped process were not checked: {Reason}", e.Message);
        }

        try
        {
            await foreach (var run in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await ExecuteOneAsync(run, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping: what is still queued will not run in this process.
            while (_queue.Reader.TryRead(out var left))
            {
                await FinishQueuedAsync(left.Id, IngestionRunStatus.Interrupted, "interrupted (host stopping) before it started");
            }
        }
    }

    private async Task ExecuteOneAsync(QueuedRun run, CancellationToken stoppingToken)
    {
        using var cancellation = new CancellationTokenSource();
        _executing[run.Id] = cancellation;
        try
        {
            await runner.RunQueuedAsync(run.Id, run.Request, stoppingToken, cancellation.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await FinishQueuedAsync(run.Id, IngestionRunStatus.Interrupted, "interrupted (host stopping) before it started");
            throw;
        }
        catch (Exception e)
        {
            // One failed run must not stop the queue; the run says why.
            logger.LogError(e, "Ingestion run {RunId} failed", run.Id);
            await FinishAsync(run.Id, [IngestionRunStatus.Queued, IngestionRunStatus.Running], IngestionRunStatus.Failed, e.Message);
        }
        finally
        {
            _executing.TryRemove(run.Id, out _);
        }
    }

    private Task FinishQueuedAsync(long runId, string status, string error) => FinishAsync(runId, [IngestionRunStatus.Queued], status, error);

    private async Task FinishAsync(long runId, string[] fromStatuses, string status, string error)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        var now = time.GetUtcNow();
        await db.IngestionRuns.Where(r => r.Id == runId && fromStatuses.Contains(r.Status)).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, status).SetProperty(r => r.FinishedAt, now).SetProperty(r => r.Error, error),
            CancellationToken.None);
    }

    /// <summary>
    /// With the lock free, no process is executing a run, so every run still <c>queued</c> or <c>running</c> from before
    /// this process started belongs to a process that stopped. (A live process dequeues a queued run within milliseconds
    /// while the lock is free; runs this process queued meanwhile are younger than it.)
    /// </summary>
    private async Task MarkOrphanedRunsInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var held = await ingestionLock.AcquireAsync(wait: false, cancellationToken);
        if (held is null)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        var now = time.GetUtcNow();
        var orphaned = await db.IngestionRuns
            .Where(r => (r.Status == IngestionRunStatus.Queued || r.Status == IngestionRunStatus.Running) && r.StartedAt < _processStarted)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, IngestionRunStatus.Interrupted).SetProperty(r => r.FinishedAt, now)
                    .SetProperty(r => r.Error, "interrupted: the process executing it stopped before it finished"),
                cancellationToken);
        if (orphaned > 0)
        {
            logger.LogWarning("{Count} ingestion runs left by a stopped process marked interrupted", orphaned);
        }
    }

    private sealed record QueuedRun(long Id, IngestionRequest Request);
}
