using Microsoft.Extensions.Options;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Ingestion.Providers;

/// <summary>
/// Stooq CSV download. Needs an <c>apikey</c> since 2026; refusals (bot-check HTML, "Exceeded the daily hits limit",
/// "No data") arrive with HTTP 200 and fail here because they carry no CSV header. Stooq's prices are split- and
/// dividend-adjusted, so its batches record price kind adjusted.
/// </summary>
public sealed class StooqDailyBarProvider(IHttpClientFactory clients, IOptions<IngestionOptions> options, TimeProvider time)
    : HttpDailyBarProvider(clients, options.Value.Providers.Stooq, time)
{
    public const string ProviderId = "stooq";

    public override string Id => ProviderId;

    protected override string OptionsName => "Stooq";

    protected override bool RequiresApiKey => true;

    protected override PriceKind PriceKind => PriceKind.Adjusted;

    protected override string Attribution => "Stooq (stooq.com), split- and dividend-adjusted prices";

    protected override Uri RequestUri(BarRequest request) => new(BaseUrl,
        Invariant($"q/d/l/?s={Uri.EscapeDataString(request.ProviderSymbol)}&i=d&d1={request.From:yyyyMMdd}&d2={request.To:yyyyMMdd}&apikey={Uri.EscapeDataString(ApiKey)}"));

    protected override ProviderPage Parse(string body, BarRequest request) =>
        new(DailyBarCsvParser.Parse(body, $"Stooq {request.ProviderSymbol}").Bars);
}
