using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RotationAnalytics.Infrastructure.Entities;
using RotationAnalytics.Ingestion.Scheduling;

namespace RotationAnalytics.Ingestion.Providers;

/// <summary>
/// Alpha Vantage TIME_SERIES_DAILY (raw as-traded prices). Throttling and errors come with HTTP 200 as an
/// <c>Information</c>, <c>Note</c> or <c>Error Message</c> body and fail here. Values are strings, newest first; during
/// market hours the newest key is a date-time, whose date part is used (the overlap of the next pull revises it). An
/// adjusted series (TIME_SERIES_DAILY_ADJUSTED, a premium function: <c>5. adjusted close</c>, <c>6. volume</c>,
/// <c>7. dividend amount</c>, <c>8. split coefficient</c>) is recognised by its fields and reports corporate actions.
/// </summary>
public sealed class AlphaVantageDailyBarProvider(IHttpClientFactory clients, IOptions<IngestionOptions> options, TimeProvider time)
    : HttpDailyBarProvider(clients, options.Value.Providers.AlphaVantage, time)
{
    public const string ProviderId = "alphavantage";

    /// <summary>"compact" returns the latest 100 trading days; older requests need "full".</summary>
    private const int CompactCalendarDays = 140;

    private static readonly string[] ErrorKeys = ["Error Message", "Information", "Note"];

    private readonly TimeProvider _time = time;

    public override string Id => ProviderId;

    protected override string OptionsName => "AlphaVantage";

    protected override bool RequiresApiKey => true;

    protected override PriceKind PriceKind => PriceKind.Raw;

    protected override string Attribution => "Alpha Vantage TIME_SERIES_DAILY (as-traded prices)";

    protected override Uri RequestUri(BarRequest request)
    {
        var size = request.From < NyseHolidayCalendar.Today(_time).AddDays(-CompactCalendarDays) ? "full" : "compact";
        return new Uri(BaseUrl, Invariant($"query?function=TIME_SERIES_DAILY&symbol={Uri.EscapeDataString(request.ProviderSymbol)}&outputsize={size}&apikey={Uri.EscapeDataString(ApiKey)}"));
    }

    protected override ProviderPage Parse(string body, BarRequest request)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            foreach (var key in ErrorKeys)
            {
                if (root.TryGetProperty(key, out var message))
                {
                    throw new ProviderException($"Alpha Vantage {key}: {message.GetString()}");
                }
            }

            var bars = new List<ReceivedBar>();
            var actions = new List<ReceivedCorporateAction>();
            var adjustedSeries = false;
            foreach (var day in root.GetProperty("Time Series (Daily)").EnumerateObject())
            {
                var date = ParsedNumber.Date(day.Name.Length >= 10 ? day.Name[..10] : day.Name);
                if (date is { } d && (d < request.From || d > request.To))
                {
                    continue;
                }

                string? Field(string name) => day.Value.TryGetProperty(name, out var v) ? v.GetString() : null;
                var raw = string.Create(CultureInfo.InvariantCulture, $"{day.Name}: {day.Value.GetRawText()}");
                var adjusted = Field("5. adjusted close");
                adjustedSeries |= adjusted is not null;
                bars.Add(new ReceivedBar(
                    raw,
                    date,
                    ParsedNumber.Price(Field("1. open")),
                    ParsedNumber.Price(Field("2. high")),
                    ParsedNumber.Price(Field("3. low")),
                    ParsedNumber.Price(Field("4. close")),
                    ParsedNumber.Optional(adjusted),
                    ParsedNumber.Optional(adjusted is null ? Field("5. volume") : Field("6. volume"))));
                if (ParsedNumber.Optional(Field("7. dividend amount")) is { } dividend && dividend != 0)
                {
                    actions.Add(new ReceivedCorporateAction(raw, CorporateActionKind.Dividend, date, dividend));
                }

                if (ParsedNumber.Optional(Field("8. split coefficient")) is { } split && split != 1)
                {
                    actions.Add(new ReceivedCorporateAction(raw, CorporateActionKind.Split, date, split));
                }
            }

            return new ProviderPage(bars) { CorporateActions = actions, CorporateActionsReported = adjustedSeries };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ProviderException($"Alpha Vantage body is not a daily time series: {Snippet(body)}", e);
        }
    }
}
