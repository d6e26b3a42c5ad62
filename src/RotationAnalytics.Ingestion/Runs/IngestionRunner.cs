using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using RotationAnalytics.Infrastructure;
using RotationAnalytics.Infrastructure.BarWriting;
using RotationAnalytics.Infrastructure.Entities;
using RotationAnalytics.Ingestion.Providers;
using RotationAnalytics.Ingestion.Scheduling;
using RotationAnalytics.Ingestion.Validation;

namespace RotationAnalytics.Ingestion.Runs;

/// <summary>
/// Runs one ingestion: takes the cluster-wide lock, records the run, and for each instrument fetches from the first
/// provider of the chain that delivers, validates, and writes the batch; per-symbol outcomes go on the run.
/// </summary>
public sealed class IngestionRunner(
    IServiceScopeFactory scopes,
    DailyBarProviderChain chain,
    IngestionLock ingestionLock,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    IngestionMetrics metrics,
    ILogger<IngestionRunner> logger)
{
    /// <summary>
    /// Runs the request at once in the caller; null when <see cref="IngestionRequest.WaitForLock"/> is false and another
    /// run holds the lock. A request that cannot run (unknown symbol or provider, a CSV folder without usable files, real
    /// and synthetic data mixed) throws <see cref="ArgumentException"/> with the reason: the command line, the startup
    /// load and the daily pull report it as their own outcome. The admin API checks first with <see cref="ValidateAsync"/>.
    /// </summary>
    public async Task<IngestionRunOutcome?> RunAsync(IngestionRequest request, CancellationToken cancellationToken)
    {
        if (ProvidersFor(request) is { Error: { } invalid })
        {
            throw new ArgumentException(invalid.Message);
        }

        await using var held = await ingestionLock.AcquireAsync(request.WaitForLock, cancellationToken);
        if (held is null)
        {
            logger.LogInformation("Ingestion ({Trigger}) not started: another run holds the ingestion lock", request.Trigger);
            return null;
        }

        var plan = await PlanUnderLockAsync(request, cancellationToken);
        if (plan.Error is { } error)
        {
            throw new ArgumentException(error.Message);
        }

        var runId = await StartRunAsync(request.Trigger, plan.Instruments.Count, cancellationToken);
        return await ExecuteAsync(runId, request.Trigger, plan, cancellationToken, CancellationToken.None);
    }

    /// <summary>
    /// Checks a request without running it: the error (field and reason) that would refuse it, or null. The universe can
    /// still change before a queued run starts; the run re-checks then and fails with the reason.
    /// </summary>
    public async Task<IngestionRequestError?> ValidateAsync(IngestionRequest request, CancellationToken cancellationToken) =>
        (await PlanAsync(request, cancellationToken)).Error;

    /// <summary>
    /// Executes a run recorded as <see cref="IngestionRunStatus.Queued"/>: waits for the cluster-wide lock, re-checks the
    /// request, and runs it unless it was cancelled meanwhile. <paramref name="cancelledByAdmin"/> ends it as
    /// <see cref="IngestionRunStatus.Cancelled"/>, <paramref name="hostStopping"/> as <see cref="IngestionRunStatus.Interrupted"/>.
    /// </summary>
    public async Task<IngestionRunOutcome?> RunQueuedAsync(
        long runId, IngestionRequest request, CancellationToken hostStopping, CancellationToken cancelledByAdmin)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(hostStopping, cancelledByAdmin);
        IAsyncDisposable? held;
        try
        {
            held = await ingestionLock.AcquireAsync(wait: true, waiting.Token);
        }
        catch (OperationCanceledException) when (cancelledByAdmin.IsCancellationRequested && !hostStopping.IsCancellationRequested)
        {
            return null; // the cancelling request has already recorded the queued run as cancelled
        }

        await using (held)
        {
            var plan = await PlanUnderLockAsync(request, hostStopping);
            if (plan.Error is { } error)
            {
                await FinishRunAsync(runId, IngestionRunStatus.Failed, $"{error.Field}: {error.Message}", CancellationToken.None);
                metrics.RunFinished(request.Trigger, IngestionRunStatus.Failed);
                return new IngestionRunOutcome(runId, IngestionRunStatus.Failed);
            }

            if (!await MarkRunningAsync(runId, plan.Instruments.Count, hostStopping))
            {
                return null; // cancelled or marked interrupted while it waited
            }

            return await ExecuteAsync(runId, request.Trigger, plan, hostStopping, cancelledByAdmin);
        }
    }

    private async Task<IngestionRunOutcome> ExecuteAsync(
        long runId, string trigger, IngestionPlan plan, CancellationToken cancellationToken, CancellationToken cancelledByAdmin)
    {
        var (providers, instruments) = (plan.Providers, plan.Instruments);
        logger.LogInformation("Ingestion run {RunId} ({Trigger}) started: {Count} instruments from {Providers}",
            runId, trigger, instruments.Count, string.Join(" > ", providers.Select(p => p.Id)));

        var stopwatch = Stopwatch.StartNew();
        using var cancelled = CancellationTokenSource.CreateLinkedTokenSource(cancelledByAdmin);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, cancelled.Token);
        deadline.CancelAfter(options.Value.RunDeadline);
        var outcomes = new ConcurrentBag<IngestionRunSymbol>();
        var failures = new ConcurrentBag<ProviderFailure>();
        string? runError = null;
        string? stoppedStatus = null;
        try
        {
            // Symbols are independent (one transaction each), so a few run side by side; provider rate limits still apply.
            await Parallel.ForEachAsync(
                instruments,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelSymbols, CancellationToken = deadline.Token },
                async (instrument, token) =>
                {
                    var outcome = await IngestSymbolAsync(runId, instrument, providers, failures, plan.From, plan.To, token);
                    outcomes.Add(outcome);
                    if (await RecordSymbolAsync(outcome, CancellationToken.None))
                    {
                        // Cancellation asked through another process: seen here, after each symbol.
                        await cancelled.CancelAsync();
                    }
                });
        }
        catch (OperationCanceledException) when (cancelled.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            stoppedStatus = IngestionRunStatus.Cancelled;
            runError = $"cancelled by an admin after {outcomes.Count} of {instruments.Count} instruments; the batches committed before stay";
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            runError = $"run deadline of {options.Value.RunDeadline} exceeded after {outcomes.Count} of {instruments.Count} instruments";
        }
        catch (OperationCanceledException)
        {
            stoppedStatus = IngestionRunStatus.Interrupted;
            runError = $"interrupted (host stopping) after {outcomes.Count} of {instruments.Count} instruments";
        }

        var status = stoppedStatus
            ?? (runError is not null || (!outcomes.IsEmpty && outcomes.All(o => o.Error is not null))
                ? IngestionRunStatus.Failed
                : outcomes.Any(o => o.Error is not null) ? IngestionRunStatus.Partial : IngestionRunStatus.Succeeded);
        await FinishRunAsync(runId, status, runError, CancellationToken.None);
        metrics.RunFinished(trigger, status);
        LogProviderFailures(failures, instruments.Count);
        logger.LogInformation(
            "Ingestion run {RunId} {Status} in {Elapsed:F1} s: {Stored} bars stored ({Revised} revised), {Rejected} rejected, {Flagged} flagged, {Failed} symbols failed",
            runId, status, stopwatch.Elapsed.TotalSeconds, outcomes.Sum(o => o.RowsStored), outcomes.Sum(o => o.RowsRevised),
            outcomes.Sum(o => o.RowsRejected), outcomes.Sum(o => o.RowsFlagged), outcomes.Count(o => o.Error is not null));
        cancellationToken.ThrowIfCancellationRequested();
        return new IngestionRunOutcome(runId, status);
    }

    /// <summary>What a valid request does: the providers in fallback order, the instruments and the date range asked.</summary>
    private sealed record IngestionPlan(
        IReadOnlyList<IDailyBarProvider> Providers, IReadOnlyList<InstrumentInfo> Instruments, DateOnly? From, DateOnly? To, IngestionRequestError? Error)
    {
        public static IngestionPlan Refused(IngestionRequestError error) => new([], [], null, null, error);
    }

    private sealed record ProviderSelection(IReadOnlyList<IDailyBarProvider> Providers, IngestionRequestError? Error);

    private async Task<IngestionPlan> PlanAsync(IngestionRequest request, CancellationToken cancellationToken)
    {
        if (request.From > request.To)
        {
            return IngestionPlan.Refused(new IngestionRequestError("from", "from must not be after to."));
        }

        var providers = ProvidersFor(request);
        return providers.Error is { } error
            ? IngestionPlan.Refused(error)
            : await InstrumentsAsync(request, providers.Providers, cancellationToken);
    }

    /// <summary>The plan, checked while holding the lock, so no other run can change the store's kind of data meanwhile.</summary>
    private async Task<IngestionPlan> PlanUnderLockAsync(IngestionRequest request, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(request, cancellationToken);
        if (plan.Error is not null)
        {
            return plan;
        }

        return await MixedDataErrorAsync(synthetic: plan.Providers is [DemoDailyBarProvider], cancellationToken) is { } mixed
            ? IngestionPlan.Refused(mixed)
            : plan;
    }

    private ProviderSelection ProvidersFor(IngestionRequest request)
    {
        if (request.CsvDirectory is { } directory)
        {
            var csv = new CsvDirectoryDailyBarProvider(directory, options.Value.CsvAdjustedSymbols.ToHashSet(StringComparer.OrdinalIgnoreCase), time);
            return csv.UnavailableReason is { } reason ? new([], new IngestionRequestError("csvDirectory", reason)) : new([csv], null);
        }

        if (request.Demo)
        {
            return new([new DemoDailyBarProvider()], null);
        }

        if (request.Provider is { } id)
        {
            return chain.Find(id) switch
            {
                null => new([], new IngestionRequestError("provider", $"unknown provider '{id}'")),
                { UnavailableReason: { } reason } => new([], new IngestionRequestError("provider", $"provider '{id}': {reason}")),
                var provider => new([provider], null),
            };
        }

        return new(chain.Providers, null);
    }

    private async Task<IngestionPlan> InstrumentsAsync(
        IngestionRequest request, IReadOnlyList<IDailyBarProvider> providers, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        var instruments = await db.Instruments.Include(i => i.ProviderSymbols).OrderBy(i => i.Symbol).ToListAsync(cancellationToken);
        var all = instruments
            .Where(i => i.RetiredAt is null)
            .Select(i => new InstrumentInfo(i.Id, i.Symbol, i.Kind, i.ProviderSymbols.ToDictionary(p => p.Provider, p => p.Symbol)))
            .ToList();

        if (providers is [CsvDirectoryDailyBarProvider csv])
        {
            var files = csv.FileSymbols();
            if (files.Count == 0)
            {
                return IngestionPlan.Refused(new IngestionRequestError(
                    "csvDirectory", $"CSV folder {csv.Directory} holds no SYMBOL.csv files (e.g. SPY.csv with date,open,high,low,close,volume)."));
            }

            var known = all.Select(i => i.Symbol).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!files.Any(known.Contains))
            {
                return IngestionPlan.Refused(new IngestionRequestError(
                    "csvDirectory",
                    $"None of the {files.Count} CSV files in {csv.Directory} ({Abbreviated(files)}) is named after a known instrument; known: {string.Join(", ", known.Order(StringComparer.Ordinal))}."));
            }

            foreach (var unknown in files.Where(s => !known.Contains(s)))
            {
                logger.LogWarning("{File}.csv in {Directory} skipped: no instrument with that symbol", unknown, csv.Directory);
            }
        }

        if (request.Symbols is { } symbols)
        {
            var wanted = symbols.Select(s => s.Trim().ToUpperInvariant()).ToHashSet();
            var matching = instruments.Where(i => wanted.Contains(i.Symbol) || i.Aliases.Any(wanted.Contains)).ToList();
            var unknown = wanted.Where(w => !instruments.Any(i => i.Symbol == w || i.Aliases.Contains(w))).ToList();
            if (unknown.Count > 0)
            {
                return IngestionPlan.Refused(new IngestionRequestError("symbols", $"unknown symbols: {string.Join(", ", unknown)}"));
            }

            if (matching.Where(i => i.RetiredAt is not null).Select(i => i.Symbol).ToList() is { Count: > 0 } retired)
            {
                return IngestionPlan.Refused(new IngestionRequestError("symbols", $"retired, no longer pulled: {string.Join(", ", retired)}"));
            }

            var canonical = matching.Select(i => i.Symbol).ToHashSet();
            all = [.. all.Where(i => canonical.Contains(i.Symbol))];
        }

        return new IngestionPlan(providers, [.. all.Where(i => providers.Any(p => p.ResolveSymbol(i) is not null))], request.From, request.To, null);
    }

    private async Task<IngestionRunSymbol> IngestSymbolAsync(
        long runId,
        InstrumentInfo instrument,
        IReadOnlyList<IDailyBarProvider> providers,
        ConcurrentBag<ProviderFailure> failures,
        DateOnly? requestedFrom,
        DateOnly? requestedTo,
        CancellationToken cancellationToken)
    {
        var outcome = new IngestionRunSymbol { IngestionRunId = runId, Symbol = instrument.Symbol };
        var errors = new List<string>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        var today = NyseHolidayCalendar.Today(time);
        var lastStored = await db.DailyBars.Where(b => b.InstrumentId == instrument.Id).MaxAsync(b => (DateOnly?)b.Date, cancellationToken);
        var from = requestedFrom ?? lastStored?.AddDays(-options.Value.IncrementalOverlapDays) ?? options.Value.BackfillFrom;
        var to = requestedTo ?? today;

        foreach (var provider in providers)
        {
            if (provider.ResolveSymbol(instrument) is not { } providerSymbol)
            {
                continue;
            }

            ProviderResponse response;
            try
            {
                response = await provider.FetchAsync(new BarRequest(instrument, providerSymbol, from, to), cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not ArgumentException)
            {
                if (IsExpectedFault(e))
                {
                    // Reported once per provider at the end of the run (LogProviderFailures); per symbol only at Debug.
                    logger.LogDebug("{Symbol}: provider {Provider} failed ({Error}); trying the next provider", instrument.Symbol, provider.Id, e.Message);
                }
                else
                {
                    logger.LogWarning(e, "{Symbol}: provider {Provider} failed unexpectedly; trying the next provider", instrument.Symbol, provider.Id);
                }

                failures.Add(new ProviderFailure(provider.Id, instrument.Symbol, FaultOf(e)));
                metrics.ProviderFailed(provider.Id, KindOf(e));
                errors.Add($"{provider.Id}: {e.Message}");
                continue;
            }

            var firstDate = response.Bars.Select(b => b.Date).Where(d => d is not null).Min();
            var previousClose = firstDate is null
                ? null
                : await db.DailyBars.Where(b => b.InstrumentId == instrument.Id && b.Date < firstDate)
                    .OrderByDescending(b => b.Date).Select(b => (double?)b.Close).FirstOrDefaultAsync(cancellationToken);
            var validation = BarValidator.Validate(response.Bars, instrument, previousClose, today);
            var actions = CorporateActionValidator.Validate(response.CorporateActions, today);
            BarBatchWriteResult result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<BarBatchWriter>().WriteAsync(
                    new BarBatch
                    {
                        IngestionRunId = runId,
                        InstrumentId = instrument.Id,
                        Provider = provider.Id,
                        ProviderSymbol = providerSymbol,
                        Provenance = response.Provenance,
                        RowsReceived = response.Bars.Count,
                        Bars = validation.Bars,
                        Rejected = [.. validation.Rejected, .. actions.Rejected],
                        CorporateActions = actions.Actions,
                    },
                    cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The batch rolled back as a whole; another provider would not fix a database problem.
                logger.LogError(e, "{Symbol}: writing the batch from {Provider} failed; nothing of it was stored", instrument.Symbol, provider.Id);
                outcome.Provider = provider.Id;
                outcome.RowsReceived = response.Bars.Count;
                outcome.Error = $"write failed: {e.Message}";
                return outcome;
            }

            outcome.Provider = provider.Id;
            outcome.RowsReceived = response.Bars.Count;
            outcome.RowsStored = result.Stored;
            outcome.RowsRejected = result.Rejected;
            outcome.RowsFlagged = result.Flagged;
            outcome.RowsRevised = result.Revised;
            metrics.BatchWritten(provider.Id, result.Stored, result.Revised, result.Rejected, result.Flagged);
            logger.LogInformation(
                "{Symbol} from {Provider}: {Received} received, {Stored} stored ({Revised} revised), {Rejected} rejected, {Flagged} flagged, {Actions} corporate actions stored ({ActionsRevised} revised); batch {Batch}",
                instrument.Symbol, provider.Id, outcome.RowsReceived, outcome.RowsStored, outcome.RowsRevised, outcome.RowsRejected,
                outcome.RowsFlagged, result.ActionsInserted + result.ActionsRevised, result.ActionsRevised, result.SourceBatchId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (unchanged)");
            return outcome;
        }

        outcome.Error = errors.Count > 0 ? string.Join("; ", errors) : "no provider serves this instrument";
        logger.LogDebug("{Symbol}: every provider failed: {Error}", instrument.Symbol, outcome.Error);
        return outcome;
    }

    /// <summary>
    /// Synthetic and real bars never share a database (SPEC §6): a demo load refuses a database that holds real source
    /// batches, and a real load refuses one that holds synthetic batches, before anything is written. Checked under the
    /// ingestion lock, so no other run can change the answer meanwhile.
    /// </summary>
    private async Task<IngestionRequestError?> MixedDataErrorAsync(bool synthetic, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        var otherKind = await db.SourceBatches.CountAsync(b => b.IsSynthetic != synthetic, cancellationToken);
        if (otherKind == 0)
        {
            return null;
        }

        var database = db.Database.GetDbConnection().Database;
        return new IngestionRequestError(
            "provider",
            synthetic
                ? $"Database '{database}' holds real market data ({otherKind} source batches); the synthetic demo is loaded only into a database of its own (Ingestion:Demo selects ConnectionStrings:RotationDemo or '{database}{DemoDatabase.NameSuffix}')."
                : $"Database '{database}' holds the synthetic demo universe ({otherKind} source batches); real data is never mixed into it. Point ConnectionStrings:Rotation at another database, or drop this one.");
    }

    /// <summary>One line per provider that failed during the run: how many symbols, and why (no stack traces).</summary>
    private void LogProviderFailures(IEnumerable<ProviderFailure> failures, int instrumentCount)
    {
        foreach (var byProvider in failures.GroupBy(f => f.Provider).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var reasons = byProvider
                .GroupBy(f => f.Fault)
                .OrderByDescending(g => g.Count())
                .Select(g => $"{g.Key} ({Abbreviated([.. g.Select(f => f.Symbol).Order(StringComparer.Ordinal)])})");
            logger.LogWarning(
                "Provider {Provider} failed for {Count} of {Total} symbols: {Reasons}",
                byProvider.Key, byProvider.Count(), instrumentCount, string.Join("; ", reasons));
        }
    }

    /// <summary>Faults a provider is expected to have (network, timeouts, open circuit, spent quota, error bodies).</summary>
    private static bool IsExpectedFault(Exception e) =>
        e is ProviderException or HttpRequestException or IOException or TimeoutRejectedException or BrokenCircuitException
            or RateLimiterRejectedException or OperationCanceledException;

    private static string FaultOf(Exception e) => e switch
    {
        ProviderException { Fault: { } fault } => fault,
        BrokenCircuitException { InnerException: { } opening } => $"circuit open after repeated failures: {FaultOf(opening)}",
        BrokenCircuitException => "circuit open after repeated failures",
        HttpRequestException { HttpRequestError: var error } => $"connection failed ({error})",
        TimeoutRejectedException or OperationCanceledException => "timed out",
        RateLimiterRejectedException => "client-side rate limit or daily quota spent",
        _ => e.Message,
    };

    /// <summary>A metric label: few values, stable across messages.</summary>
    private static string KindOf(Exception e) => e switch
    {
        BrokenCircuitException => "circuit_open",
        TimeoutRejectedException or OperationCanceledException => "timeout",
        RateLimiterRejectedException => "rate_limited",
        HttpRequestException or IOException => "network",
        ProviderException => "provider_error",
        _ => "unexpected",
    };

    /// <summary>Up to five names, else the count.</summary>
    private static string Abbreviated(IReadOnlyCollection<string> symbols) =>
        symbols.Count <= 5 ? string.Join(", ", symbols) : $"{symbols.Count} symbols";

    private sealed record ProviderFailure(string Provider, string Symbol, string Fault);

    private async Task<long> StartRunAsync(string trigger, int symbolsTotal, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        var run = new IngestionRun { Trigger = trigger, Status = IngestionRunStatus.Running, StartedAt = time.GetUtcNow(), SymbolsTotal = symbolsTotal };
        db.IngestionRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    /// <summary>Queued → running, unless it was cancelled or marked interrupted meanwhile (then false).</summary>
    private async Task<bool> MarkRunningAsync(long runId, int symbolsTotal, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        var startedAt = time.GetUtcNow();
        return await db.IngestionRuns
            .Where(r => r.Id == runId && r.Status == IngestionRunStatus.Queued && !r.CancelRequested)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, IngestionRunStatus.Running).SetProperty(r => r.StartedAt, startedAt).SetProperty(r => r.SymbolsTotal, symbolsTotal),
                cancellationToken) == 1;
    }

    /// <summary>Records one symbol's outcome (the run's progress); true when an admin has asked to cancel the run.</summary>
    private async Task<bool> RecordSymbolAsync(IngestionRunSymbol outcome, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        db.IngestionRunSymbols.Add(outcome);
        await db.SaveChangesAsync(cancellationToken);
        return await db.IngestionRuns.Where(r => r.Id == outcome.IngestionRunId).Select(r => r.CancelRequested).SingleAsync(cancellationToken);
    }

    private async Task FinishRunAsync(long runId, string status, string? error, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RotationDbContext>();
        var finishedAt = time.GetUtcNow();
        await db.IngestionRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, status).SetProperty(r => r.FinishedAt, finishedAt).SetProperty(r => r.Error, error),
            cancellationToken);
    }
}
