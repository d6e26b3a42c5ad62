using System.Diagnostics.Metrics;

namespace RotationAnalytics.Ingestion.Runs;

/// <summary>
/// The ingestion's own meter: runs by trigger and status, bars by provider and outcome, provider failures by kind.
/// Polly's meter adds the per-attempt view (retries, timeouts, circuit opened/closed per provider pipeline).
/// </summary>
public sealed class IngestionMetrics
{
    public const string MeterName = "RotationAnalytics.Ingestion";

    private readonly Counter<long> _runs;
    private readonly Counter<long> _bars;
    private readonly Counter<long> _failures;

    public IngestionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _runs = meter.CreateCounter<long>("rotation.ingestion.runs", "{run}", "Ingestion runs finished, by trigger and status.");
        _bars = meter.CreateCounter<long>(
            "rotation.ingestion.bars", "{bar}", "Bars by provider and outcome: stored (new or revised), revised, rejected, flagged.");
        _failures = meter.CreateCounter<long>(
            "rotation.ingestion.provider_failures", "{failure}", "Failed provider requests for one symbol, by provider and kind of fault.");
    }

    public void RunFinished(string trigger, string status) =>
        _runs.Add(1, new KeyValuePair<string, object?>("trigger", trigger), new KeyValuePair<string, object?>("status", status));

    public void BatchWritten(string provider, int stored, int revised, int rejected, int flagged)
    {
        Bars(provider, "stored", stored);
        Bars(provider, "revised", revised);
        Bars(provider, "rejected", rejected);
        Bars(provider, "flagged", flagged);
    }

    public void ProviderFailed(string provider, string kind) =>
        _failures.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("kind", kind));

    private void Bars(string provider, string outcome, int count)
    {
        if (count > 0)
        {
            _bars.Add(count, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
