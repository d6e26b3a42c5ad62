using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RotationAnalytics.Ingestion.Providers;

/// <summary>
/// The online providers in fallback order: <c>Ingestion:ProviderOrder</c>, or by default Yahoo (keyless) followed by
/// every keyed provider whose key is configured. Unusable providers are left out with one log line each.
/// </summary>
public sealed class DailyBarProviderChain
{
    private static readonly string[] DefaultOrder = ["yahoo", "stooq", "tiingo", "polygon", "alphavantage"];

    private readonly Dictionary<string, IDailyBarProvider> _all;

    public DailyBarProviderChain(IEnumerable<IDailyBarProvider> providers, IOptions<IngestionOptions> options, ILogger<DailyBarProviderChain> logger)
    {
        _all = providers.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        var order = options.Value.ProviderOrder.Length > 0 ? options.Value.ProviderOrder : DefaultOrder;
        var chain = new List<IDailyBarProvider>();
        foreach (var id in order.Where(id => !string.IsNullOrWhiteSpace(id)))
        {
            if (!_all.TryGetValue(id, out var provider))
            {
                logger.LogWarning("Ingestion:ProviderOrder names unknown provider {Provider}; known: {Known}", id, string.Join(", ", _all.Keys));
            }
            else if (provider.UnavailableReason is { } reason)
            {
                logger.LogInformation("Provider {Provider} skipped: {Reason}", id, reason);
            }
            else
            {
                chain.Add(provider);
            }
        }

        Providers = chain;
    }

    /// <summary>The usable providers, in the order they are tried.</summary>
    public IReadOnlyList<IDailyBarProvider> Providers { get; }

    /// <summary>A registered online provider by id (also one left out of the chain), or null.</summary>
    public IDailyBarProvider? Find(string id) => _all.GetValueOrDefault(id);
}
