using System.Text.Json;
using Microsoft.Extensions.Options;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Ingestion.Providers;

/// <summary>
/// Tiingo end-of-day prices (token): an array of daily objects; errors are <c>{"detail": …}</c>. Every day carries
/// <c>divCash</c> (0 when none) and <c>splitFactor</c> (1 when none), so the response reports corporate actions.
/// </summary>
public sealed class TiingoDailyBarProvider(IHttpClientFactory clients, IOptions<IngestionOptions> options, TimeProvider time)
    : HttpDailyBarProvider(clients, options.Value.Providers.Tiingo, time)
{
    public const string ProviderId = "tiingo";

    public override string Id => ProviderId;

    protected override string OptionsName => "Tiingo";

    protected override bool RequiresApiKey => true;

    protected override PriceKind PriceKind => PriceKind.Raw;

    protected override string Attribution => "Tiingo end-of-day prices (as-traded; adjClose dividend- and split-adjusted)";

    protected override Uri RequestUri(BarRequest request) => new(BaseUrl,
        Invariant($"tiingo/daily/{Uri.EscapeDataString(request.ProviderSymbol)}/prices?startDate={request.From:yyyy-MM-dd}&endDate={request.To:yyyy-MM-dd}&token={Uri.EscapeDataString(ApiKey)}"));

    protected override string? ErrorMessage(string body) => Detail(body);

    protected override ProviderPage Parse(string body, BarRequest request)
    {
        if (Detail(body) is { } detail)
        {
            throw new ProviderException($"Tiingo: {detail}");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var actions = new List<ReceivedCorporateAction>();
            var bars = document.RootElement.EnumerateArray().Select(day =>
            {
                var date = ParsedNumber.Date(day.GetProperty("date").GetString() is { Length: >= 10 } text ? text[..10] : null);
                if (Number(day, "divCash") is { } dividend && dividend != 0)
                {
                    actions.Add(new ReceivedCorporateAction(day.GetRawText(), CorporateActionKind.Dividend, date, dividend));
                }

                if (Number(day, "splitFactor") is { } split && split != 1)
                {
                    actions.Add(new ReceivedCorporateAction(day.GetRawText(), CorporateActionKind.Split, date, split));
                }

                return Bar(day, date);
            }).ToList();
            return new ProviderPage(bars) { CorporateActions = actions, CorporateActionsReported = true };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ProviderException($"Tiingo body is not a price array: {Snippet(body)}", e);
        }
    }

    private static ReceivedBar Bar(JsonElement day, DateOnly? date) => new(
                day.GetRawText(),
                date,
                Number(day, "open") ?? double.NaN,
                Number(day, "high") ?? double.NaN,
                Number(day, "low") ?? double.NaN,
                Number(day, "close") ?? double.NaN,
                Number(day, "adjClose"),
                Number(day, "volume"));

    private static double? Number(JsonElement day, string name) =>
        day.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static string? Detail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detail)
                ? detail.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
