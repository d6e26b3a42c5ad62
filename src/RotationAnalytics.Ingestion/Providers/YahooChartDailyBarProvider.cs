using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Ingestion.Providers;

/// <summary>
/// Yahoo Finance chart API (keyless): parallel arrays of timestamps and nullable OHLCV, plus the dividend-adjusted close.
/// Timestamps are converted to the trading date in the exchange's own time zone (<c>meta.exchangeTimezoneName</c>).
/// Prices are split-adjusted, not dividend-adjusted: price kind raw, adjclose kept as the adjusted close. The request asks
/// for <c>events=div|split</c>, so the response reports corporate actions: <c>events.dividends</c> (amount) and
/// <c>events.splits</c> (numerator/denominator), keyed by the ex-date's session timestamp.
/// </summary>
public sealed class YahooChartDailyBarProvider(IHttpClientFactory clients, IOptions<IngestionOptions> options, TimeProvider time)
    : HttpDailyBarProvider(clients, options.Value.Providers.Yahoo, time)
{
    public const string ProviderId = "yahoo";

    public override string Id => ProviderId;

    protected override string OptionsName => "Yahoo";

    protected override bool RequiresApiKey => false;

    protected override PriceKind PriceKind => PriceKind.Raw;

    protected override string Attribution => "Yahoo Finance chart API (split-adjusted prices, adjclose dividend-adjusted)";

    protected override Uri RequestUri(BarRequest request)
    {
        var period1 = new DateTimeOffset(request.From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        var period2 = new DateTimeOffset(request.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        return new Uri(BaseUrl, Invariant($"v8/finance/chart/{Uri.EscapeDataString(request.ProviderSymbol)}?period1={period1}&period2={period2}&interval=1d&events=div%7Csplit"));
    }

    protected override string? ErrorMessage(string body) => TryChartError(body);

    protected override ProviderPage Parse(string body, BarRequest request)
    {
        if (TryChartError(body) is { } error)
        {
            throw new ProviderException($"Yahoo chart error: {error}");
        }

        JsonElement result;
        try
        {
            using var document = JsonDocument.Parse(body);
            result = document.RootElement.GetProperty("chart").GetProperty("result")[0].Clone();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new ProviderException($"Yahoo chart body is not a chart result: {Snippet(body)}", e);
        }

        if (!result.TryGetProperty("timestamp", out var timestamps))
        {
            return new ProviderPage([]) { CorporateActionsReported = true }; // a window without trading days: a valid, empty answer
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(
            result.GetProperty("meta").TryGetProperty("exchangeTimezoneName", out var tz) && tz.GetString() is { } name ? name : "America/New_York");
        var quote = result.GetProperty("indicators").GetProperty("quote")[0];
        var adjusted = result.GetProperty("indicators").TryGetProperty("adjclose", out var adj) && adj[0].TryGetProperty("adjclose", out var a) ? a : default;
        var bars = new List<ReceivedBar>(timestamps.GetArrayLength());
        for (var i = 0; i < timestamps.GetArrayLength(); i++)
        {
            var seconds = timestamps[i].GetInt64();
            var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(seconds), zone).DateTime);
            var open = Value(quote, "open", i);
            var high = Value(quote, "high", i);
            var low = Value(quote, "low", i);
            var close = Value(quote, "close", i);
            var volume = Value(quote, "volume", i);
            double? adjClose = adjusted.ValueKind == JsonValueKind.Array ? Number(adjusted[i]) : null;
            var raw = string.Create(CultureInfo.InvariantCulture, $"t={seconds},o={open},h={high},l={low},c={close},v={volume},adj={adjClose}");
            bars.Add(new ReceivedBar(raw, date, open ?? double.NaN, high ?? double.NaN, low ?? double.NaN, close ?? double.NaN, adjClose, volume));
        }

        return new ProviderPage(bars) { CorporateActions = Events(result, zone), CorporateActionsReported = true };
    }

    private static List<ReceivedCorporateAction> Events(JsonElement result, TimeZoneInfo zone)
    {
        var actions = new List<ReceivedCorporateAction>();
        if (!result.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Object)
        {
            return actions;
        }

        DateOnly? ExDate(JsonElement e) =>
            e.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.Number
                ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(d.GetInt64()), zone).DateTime)
                : null;

        if (events.TryGetProperty("dividends", out var dividends) && dividends.ValueKind == JsonValueKind.Object)
        {
            foreach (var dividend in dividends.EnumerateObject())
            {
                actions.Add(new ReceivedCorporateAction(
                    dividend.Value.GetRawText(), CorporateActionKind.Dividend, ExDate(dividend.Value),
                    dividend.Value.TryGetProperty("amount", out var amount) ? Number(amount) ?? double.NaN : double.NaN));
            }
        }

        if (events.TryGetProperty("splits", out var splits) && splits.ValueKind == JsonValueKind.Object)
        {
            foreach (var split in splits.EnumerateObject())
            {
                var numerator = split.Value.TryGetProperty("numerator", out var n) ? Number(n) : null;
                var denominator = split.Value.TryGetProperty("denominator", out var d) ? Number(d) : null;
                actions.Add(new ReceivedCorporateAction(
                    split.Value.GetRawText(), CorporateActionKind.Split, ExDate(split.Value),
                    numerator is { } num && denominator is { } den ? num / den : double.NaN));
            }
        }

        return actions;
    }

    private static double? Value(JsonElement quote, string field, int index) =>
        quote.TryGetProperty(field, out var values) && index < values.GetArrayLength() ? Number(values[index]) : null;

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static string? TryChartError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("chart", out var chart) && chart.TryGetProperty("error", out var error)
                   && error.ValueKind == JsonValueKind.Object
                ? $"{error.GetProperty("code").GetString()}: {error.GetProperty("description").GetString()}"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
