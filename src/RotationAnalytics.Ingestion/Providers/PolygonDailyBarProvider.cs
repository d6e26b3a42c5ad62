using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RotationAnalytics.Infrastructure.Entities;
using RotationAnalytics.Ingestion.Scheduling;

namespace RotationAnalytics.Ingestion.Providers;

/// <summary>
/// Polygon aggregates (key), unadjusted: bars <c>{o,h,l,c,v,t}</c> with t in epoch milliseconds, converted to the New
/// York trading date; long ranges are paged through <c>next_url</c>. Index aggregates carry no volume. Aggregates carry
/// no dividends or splits (Polygon serves those from separate reference endpoints), so its batches report none.
/// </summary>
public sealed class PolygonDailyBarProvider(IHttpClientFactory clients, IOptions<IngestionOptions> options, TimeProvider time)
    : HttpDailyBarProvider(clients, options.Value.Providers.Polygon, time)
{
    public const string ProviderId = "polygon";

    public override string Id => ProviderId;

    protected override string OptionsName => "Polygon";

    protected override bool RequiresApiKey => true;

    protected override PriceKind PriceKind => PriceKind.Raw;

    protected override string Attribution => "Polygon.io daily aggregates (adjusted=false)";

    protected override Uri RequestUri(BarRequest request) => new(BaseUrl,
        Invariant($"v2/aggs/ticker/{Uri.EscapeDataString(request.ProviderSymbol)}/range/1/day/{request.From:yyyy-MM-dd}/{request.To:yyyy-MM-dd}?adjusted=false&sort=asc&limit=50000&apiKey={Uri.EscapeDataString(ApiKey)}"));

    protected override string? ErrorMessage(string body) => Error(body);

    protected override ProviderPage Parse(string body, BarRequest request)
    {
        if (Error(body) is { } error)
        {
            throw new ProviderException($"Polygon: {error}");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var bars = new List<ReceivedBar>();
            if (root.TryGetProperty("results", out var results))
            {
                foreach (var bar in results.EnumerateArray())
                {
                    var millis = bar.GetProperty("t").GetInt64();
                    var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(millis), NyseHolidayCalendar.NewYork).DateTime);
                    bars.Add(new ReceivedBar(bar.GetRawText(), date,
                        Number(bar, "o") ?? double.NaN, Number(bar, "h") ?? double.NaN, Number(bar, "l") ?? double.NaN, Number(bar, "c") ?? double.NaN,
                        null, Number(bar, "v")));
                }
            }

            // next_url carries no key; it is added like on the first request.
            var next = root.TryGetProperty("next_url", out var url) && url.GetString() is { Length: > 0 } nextUrl
                ? new Uri(string.Create(CultureInfo.InvariantCulture, $"{nextUrl}{(nextUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}apiKey={Uri.EscapeDataString(ApiKey)}"))
                : null;
            return new ProviderPage(bars, next);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ProviderException($"Polygon body is not an aggregates result: {Snippet(body)}", e);
        }
    }

    private static double? Number(JsonElement bar, string name) =>
        bar.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static string? Error(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status)
                || status.GetString() is "OK" or "DELAYED")
            {
                return null;
            }

            return root.TryGetProperty("error", out var error) ? error.GetString()
                : root.TryGetProperty("message", out var message) ? message.GetString()
                : status.GetString();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
