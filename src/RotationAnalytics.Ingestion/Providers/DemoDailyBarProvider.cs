using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RotationAnalytics.Infrastructure.BarWriting;
using RotationAnalytics.Infrastructure.Entities;
using RotationAnalytics.Ingestion.Scheduling;

namespace RotationAnalytics.Ingestion.Providers;

/// <summary>
/// A deterministic synthetic universe for offline demos: geometric random walks on NYSE trading days from
/// <see cref="FirstDate"/>, driven by a shared market factor, a cyclical-versus-defensive style factor (so sectors
/// rotate and correlate) and an idiosyncratic shock. The same symbol and date always give the same bar, so re-loading
/// the demo changes nothing. Batches are marked synthetic.
/// </summary>
public sealed class DemoDailyBarProvider : IDailyBarProvider
{
    public const string ProviderId = "demo";

    public static readonly DateOnly FirstDate = new(2016, 1, 4);

    private const int MarketSeed = 20_160_104;
    private const int StyleSeed = 7_031_977;

    public string Id => ProviderId;

    public string? UnavailableReason => null;

    public string? ResolveSymbol(InstrumentInfo instrument) => instrument.Symbol;

    public Task<ProviderResponse> FetchAsync(BarRequest request, CancellationToken cancellationToken)
    {
        var bars = Generate(request.Instrument, request.To).Where(b => b.Date >= request.From).ToList();
        var text = string.Join('\n', bars.Select(b => b.RawRow));
        return Task.FromResult(new ProviderResponse
        {
            Provenance = new SourceProvenance(
                $"synthetic://demo/{request.Instrument.Symbol}?from={request.From:yyyy-MM-dd}&to={request.To:yyyy-MM-dd}",
                DateTimeOffset.UtcNow,
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
                PriceKind.Raw,
                "synthetic demo data (seeded random walks), not market prices",
                IsSynthetic: true),
            Bars = bars,
        });
    }

    private static IEnumerable<ReceivedBar> Generate(InstrumentInfo instrument, DateOnly to)
    {
        var (beta, style, volatility) = Profile(instrument);
        var market = new Random(MarketSeed);
        var styleShocks = new Random(StyleSeed);
        var own = new Random(StableHash(instrument.Symbol));
        double close = 50 + (StableHash(instrument.Symbol) % 400);
        for (var date = FirstDate; date <= to; date = date.AddDays(1))
        {
            if (!NyseHolidayCalendar.IsTradingDay(date))
            {
                continue;
            }

            // Every series draws the same market and style shocks for a date, which correlates them.
            var r = 0.0003 + (beta * 0.011 * Normal(market)) + (style * 0.006 * Normal(styleShocks)) + (volatility * Normal(own));
            var open = close * Math.Exp(0.002 * Normal(own));
            close *= Math.Exp(r);
            var high = Math.Max(open, close) * (1 + (0.004 * Math.Abs(Normal(own))));
            var low = Math.Min(open, close) * (1 - (0.004 * Math.Abs(Normal(own))));
            double? volume = instrument.HasVolume ? Math.Round(2_000_000 * Math.Exp(0.3 * Normal(own))) : null;
            var (o, h, l, c) = (Math.Round(open, 4), Math.Round(high, 4), Math.Round(low, 4), Math.Round(close, 4));
            yield return new ReceivedBar(
                string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd},{o},{h},{l},{c},{volume}"), date, o, h, l, c, null, volume);
        }
    }

    /// <summary>Market beta, style loading (cyclical +, defensive −) and idiosyncratic daily volatility.</summary>
    private static (double Beta, double Style, double Volatility) Profile(InstrumentInfo instrument) => instrument.Symbol switch
    {
        "XLB" or "XLY" or "XLF" or "XLRE" or "KRE" => (1.1, 1.0, 0.008),
        "XLC" or "XLE" or "XLI" or "XLK" or "QQQ" or "COMP" => (1.15, 0.4, 0.008),
        "XLP" or "XLV" or "XLU" => (0.7, -1.0, 0.007),
        "RUT" or "IWM" or "IJR" or "MDY" => (1.2, 0.7, 0.006),
        _ => (1.0, 0.0, instrument.Kind == "index" ? 0.001 : 0.002),
    };

    private static double Normal(Random random)
    {
        // Box–Muller; 1 - NextDouble() avoids log(0).
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>FNV-1a: string.GetHashCode is randomised per process, a seed must not be.</summary>
    private static int StableHash(string text)
    {
        var hash = 2_166_136_261u;
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 16_777_619u;
        }

        return (int)(hash & 0x7FFF_FFFF);
    }
}
