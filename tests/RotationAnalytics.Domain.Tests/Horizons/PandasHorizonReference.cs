using System.Globalization;
using RotationAnalytics.Domain.Horizons;

namespace RotationAnalytics.Domain.Tests.Horizons;

/// <summary>
/// Multi-horizon figures computed once with Debian's pandas 1.5.3 (<c>/usr/bin/python3 horizons.py</c>) on
/// ../shared/data/market and pasted below; the tests never run Python. pandas' DateOffset(months/years) clamps the
/// day number to the month end like DateOnly.AddMonths/AddYears; rank is DataFrame.rank(method='min', ascending=False).
/// <code>
/// import pandas as pd, numpy as np
/// D = '/work/shared/data/market/'
/// def load(s): return pd.read_csv(D + s + '.csv', parse_dates=['date']).set_index('date')['close']
/// codes = ['1D','1W','WTD','MTD','1M','QTD','3M','6M','YTD','1Y','3Y','5Y','10Y','MAX']
/// def limit(code, E):
///     if code == '1D': return E - pd.Timedelta(days=1)
///     if code == '1W': return E - pd.Timedelta(days=7)
///     if code == 'WTD': return E - pd.Timedelta(days=E.weekday() + 1)
///     if code == 'MTD': return E.replace(day=1) - pd.Timedelta(days=1)
///     if code == 'QTD': return E.replace(month=(E.month - 1) // 3 * 3 + 1, day=1) - pd.Timedelta(days=1)
///     if code == 'YTD': return E.replace(month=1, day=1) - pd.Timedelta(days=1)
///     n, unit = int(code[:-1]), code[-1]
///     return E - (pd.DateOffset(months=n) if unit == 'M' else pd.DateOffset(years=n))  # clamps to month end
/// def row(c, asOf):
///     c = c[c.index &lt;= asOf]; E = c.index[-1]; out = {}
///     for code in codes:
///         if code == 'MAX': b = c.index[0]
///         else:
///             before = c[c.index &lt;= limit(code, E)]
///             if before.empty: out[code] = None; continue
///             b = before.index[-1]
///         out[code] = (b, c[E] / c[b] - 1)
///     return E, out
/// syms = ['XLB','XLC','XLE','XLF','XLI','XLK','XLP','XLRE','XLU','XLV','XLY']
/// asOf = pd.Timestamp('2026-02-28')
/// spyE, spy = row(load('SPY'), asOf)
/// rets = {s: row(load(s), asOf) for s in syms}
/// df = pd.DataFrame({s: {k: (v[1] if v else np.nan) for k, v in r[1].items()} for s, r in rets.items()}).T
/// ranks = df.rank(axis=0, method='min', ascending=False)
/// print('SPY', spyE.date())
/// for code in codes: print(f'SPY {code} {spy[code][0].date()} {spy[code][1]!r}')
/// for s in syms:
///     for code in codes:
///         v = rets[s][1][code]
///         print(f'{s} {code} ' + ('null' if v is None else f'{v[0].date()} {v[1]!r} {int(ranks.loc[s, code])}'))
/// for s, a in [('XLK', '2025-03-31'), ('SPY', '2024-02-29')]:
///     E, r = row(load(s), pd.Timestamp(a))
///     print(s, a, E.date(), {k: (str(v[0].date()), v[1]) for k, v in r.items()})
/// </code>
/// </summary>
internal static class PandasHorizonReference
{
    /// <summary>Lines "SYMBOL CODE baseDate return [rank]" or "SYMBOL CODE null", as the script printed them.</summary>
    private const string SectorLines = """
        SPY 1D 2026-02-26 -0.004801973016103189
        SPY 1W 2026-02-20 -0.004989629113905658
        SPY WTD 2026-02-20 -0.004989629113905658
        SPY MTD 2026-01-30 -0.008641993149992033
        SPY 1M 2026-01-27 -0.013659434355634104
        SPY QTD 2025-12-31 0.005968442045987787
        SPY 3M 2025-11-26 0.009283780602636682
        SPY 6M 2025-08-27 0.06086943074091833
        SPY YTD 2025-12-31 0.005968442045987787
        SPY 1Y 2025-02-27 0.172532262199812
        SPY 3Y 2023-02-27 0.7247630301963643
        SPY 5Y 2021-02-26 0.8035282364076137
        SPY 10Y 2016-02-26 2.516274539955918
        SPY MAX 1993-01-29 14.612859174964438
        XLB 1D 2026-02-26 0.0077358490566037386 6
        XLB 1W 2026-02-20 0.008496978851963766 6
        XLB WTD 2026-02-20 0.008496978851963766 6
        XLB MTD 2026-01-30 0.08402679115080147 3
        XLB 1M 2026-01-27 0.06862745098039214 5
        XLB QTD 2025-12-31 0.17772877618522598 2
        XLB 3M 2025-11-26 0.20170997862526718 2
        XLB 6M 2025-08-27 0.15919696147585438 3
        XLB YTD 2025-12-31 0.17772877618522598 2
        XLB 1Y 2025-02-27 0.21372571298716037 5
        XLB 3Y 2023-02-27 0.31131843849742213 8
        XLB 5Y 2021-02-26 0.4523453433038749 7
        XLB 10Y 2016-02-26 1.5397051830718018 5
        XLB MAX 2005-01-03 2.6296296296296293 7
        XLC 1D 2026-02-26 0.011394790952707234 5
        XLC 1W 2026-02-20 0.010702054794520466 5
        XLC WTD 2026-02-20 0.010702054794520466 5
        XLC MTD 2026-01-30 -0.01690539640239841 8
        XLC 1M 2026-01-27 0.009837467921300247 8
        XLC QTD 2025-12-31 0.0028032619775739676 8
        XLC 3M 2025-11-26 0.031364668879958035 7
        XLC 6M 2025-08-27 0.061696195701052226 7
        XLC YTD 2025-12-31 0.0028032619775739676 8
        XLC 1Y 2025-02-27 0.17427633542226206 6
        XLC 3Y 2023-02-27 1.2102602508893465 1
        XLC 5Y 2021-02-26 0.6494341204415259 4
        XLC 10Y null
        XLC MAX 2018-06-19 1.3628903122498 9
        XLE 1D 2026-02-26 0.01580381471389658 2
        XLE 1W 2026-02-20 0.01895043731778423 4
        XLE WTD 2026-02-20 0.01895043731778423 4
        XLE MTD 2026-01-30 0.09539666993143991 2
        XLE 1M 2026-01-27 0.12583048117576 1
        XLE QTD 2025-12-31 0.2507269067322746 1
        XLE 3M 2025-11-26 0.25268817204301075 1
        XLE 6M 2025-08-27 0.2535305985205112 1
        XLE YTD 2025-12-31 0.2507269067322746 1
        XLE 1Y 2025-02-27 0.24807499163039837 2
        XLE 3Y 2023-02-27 0.3171593451890238 7
        XLE 5Y 2021-02-26 1.322741433021807 1
        XLE 10Y 2016-02-26 0.954219814782457 8
        XLE MAX 1998-12-22 3.807097173509388 5
        XLF 1D 2026-02-26 -0.02038095238095239 11
        XLF 1W 2026-02-20 -0.020194322728138703 11
        XLF WTD 2026-02-20 -0.020194322728138703 11
        XLF MTD 2026-01-30 -0.03761227544910173 11
        XLF 1M 2026-01-27 -0.029622641509433945 9
        XLF QTD 2025-12-31 -0.060982289574584736 11
        XLF 3M 2025-11-26 -0.02870632672332396 11
        XLF 6M 2025-08-27 -0.04369654146522872 11
        XLF YTD 2025-12-31 -0.060982289574584736 11
        XLF 1Y 2025-02-27 0.005867396831605642 11
        XLF 3Y 2023-02-27 0.4426367461430576 6
        XLF 5Y 2021-02-26 0.5917672547199009 6
        XLF 10Y 2016-02-26 1.9695195533306777 4
        XLF MAX 2005-01-03 1.0812088250052607 10
        XLI 1D 2026-02-26 0.002490096208262571 8
        XLI 1W 2026-02-20 -0.0005078147040569192 8
        XLI WTD 2026-02-20 -0.0005078147040569192 8
        XLI MTD 2026-01-30 0.07072050290135379 5
        XLI 1M 2026-01-27 0.07318550830001191 4
        XLI QTD 2025-12-31 0.1419546157813305 4
        XLI 3M 2025-11-26 0.15929319371727724 3
        XLI 6M 2025-08-27 0.15664381325497856 4
        XLI YTD 2025-12-31 0.1419546157813305 4
        XLI 1Y 2025-02-27 0.3167323273619267 1
        XLI 3Y 2023-02-27 0.7503952569169958 3
        XLI 5Y 2021-02-26 0.9549718574108816 3
        XLI 10Y 2016-02-26 2.3773117254528118 2
        XLI MAX 2005-01-03 4.751298701298701 3
        XLK 1D 2026-02-26 -0.01595631515495355 10
        XLK 1W 2026-02-20 -0.015048268029528744 10
        XLK WTD 2026-02-20 -0.015048268029528744 10
        XLK MTD 2026-01-30 -0.03558520989713654 10
        XLK 1M 2026-01-27 -0.06274907125970974 11
        XLK QTD 2025-12-31 -0.036188094741960164 10
        XLK 3M 2025-11-26 -0.022059341743604133 10
        XLK 6M 2025-08-27 0.04942333144261668 8
        XLK YTD 2025-12-31 -0.036188094741960164 10
        XLK 1Y 2025-02-27 0.24677658475223496 3
        XLK 3Y 2023-02-27 1.0283584271305366 2
        XLK 5Y 2021-02-26 1.1234983548856072 2
        XLK 10Y 2016-02-26 5.726126999515269 1
        XLK MAX 2005-01-03 12.259436215957955 1
        XLP 1D 2026-02-26 0.012941706054467872 3
        XLP 1W 2026-02-20 0.024121060416429696 2
        XLP WTD 2026-02-20 0.024121060416429696 2
        XLP MTD 2026-01-30 0.07783498982157822 4
        XLP 1M 2026-01-27 0.08237133237133243 3
        XLP QTD 2025-12-31 0.15872811534500508 3
        XLP 3M 2025-11-26 0.14066658218223305 4
        XLP 6M 2025-08-27 0.11439891048656681 6
        XLP YTD 2025-12-31 0.15872811534500508 3
        XLP 1Y 2025-02-27 0.09781680692767414 8
        XLP 3Y 2023-02-27 0.2392950571389234 10
        XLP 5Y 2021-02-26 0.42195892575039506 10
        XLP 10Y 2016-02-26 0.7617929144646702 9
        XLP MAX 2005-01-03 2.8999133448873486 6
        XLRE 1D 2026-02-26 0.004813201925280897 7
        XLRE 1W 2026-02-20 0.006427915518824712 7
        XLRE WTD 2026-02-20 0.006427915518824712 7
        XLRE MTD 2026-01-30 0.05817040791696848 6
        XLRE 1M 2026-01-27 0.06278787878787884 6
        XLRE QTD 2025-12-31 0.08649318463444855 6
        XLRE 3M 2025-11-26 0.057149746804919355 6
        XLRE 6M 2025-08-27 0.03910879355297481 9
        XLRE YTD 2025-12-31 0.08649318463444855 6
        XLRE 1Y 2025-02-27 0.023103850641773782 10
        XLRE 3Y 2023-02-27 0.14794448808588645 11
        XLRE 5Y 2021-02-26 0.17407605784681301 11
        XLRE 10Y 2016-02-26 0.49267960503915575 10
        XLRE MAX 2015-10-08 0.45117510758027146 11
        XLU 1D 2026-02-26 0.011657481983891493 4
        XLU 1W 2026-02-20 0.03021800129505725 1
        XLU WTD 2026-02-20 0.03021800129505725 1
        XLU MTD 2026-01-30 0.10358381502890168 1
        XLU 1M 2026-01-27 0.09900990099009888 2
        XLU QTD 2025-12-31 0.11806043569922697 5
        XLU 3M 2025-11-26 0.06078453161462383 5
        XLU 6M 2025-08-27 0.11937148217636007 5
        XLU YTD 2025-12-31 0.11806043569922697 5
        XLU 1Y 2025-02-27 0.22337562475970762 4
        XLU 3Y 2023-02-27 0.4428657799274487 5
        XLU 5Y 2021-02-26 0.6357093899931459 5
        XLU 10Y 2016-02-26 1.0675763482781027 7
        XLU MAX 2005-01-03 2.467490010897203 8
        XLV 1D 2026-02-26 0.01765976368949307 1
        XLV 1W 2026-02-20 0.021553373294222578 3
        XLV WTD 2026-02-20 0.021553373294222578 3
        XLV MTD 2026-01-30 0.03528499418379205 7
        XLV 1M 2026-01-27 0.03055644901897714 7
        XLV QTD 2025-12-31 0.0348837209302324 7
        XLV 3M 2025-11-26 0.011235955056179803 8
        XLV 6M 2025-08-27 0.16959918230269388 2
        XLV YTD 2025-12-31 0.0348837209302324 7
        XLV 1Y 2025-02-27 0.08816736856405383 9
        XLV 3Y 2023-02-27 0.2503902591320635 9
        XLV 5Y 2021-02-26 0.42260900452890504 9
        XLV 10Y 2016-02-26 1.3803863298662704 6
        XLV MAX 2005-01-03 4.368632707774799 4
        XLY 1D 2026-02-26 -0.0016232379325074042 9
        XLY 1W 2026-02-20 -0.00502341421881658 9
        XLY WTD 2026-02-20 -0.00502341421881658 9
        XLY MTD 2026-01-30 -0.03556986052653299 9
        XLY 1M 2026-01-27 -0.04751813513733805 10
        XLY QTD 2025-12-31 -0.021354995394020526 9
        XLY 3M 2025-11-26 -0.005446808510638279 9
        XLY 6M 2025-08-27 -0.00012834224598934352 10
        XLY YTD 2025-12-31 -0.021354995394020526 9
        XLY 1Y 2025-02-27 0.10022124935272791 7
        XLY 3Y 2023-02-27 0.6047789068937106 4
        XLY 5Y 2021-02-26 0.45032578343158547 8
        XLY 10Y 2016-02-26 2.1233462515034076 3
        XLY MAX 2005-01-03 5.666286366229321 2
        """;

    public static Dictionary<(string Symbol, PerformanceHorizon Horizon), (DateOnly? BaseDate, double Return, int Rank)> SectorsAsOf20260228()
    {
        var cells = new Dictionary<(string, PerformanceHorizon), (DateOnly?, double, int)>();
        foreach (var line in SectorLines.Split('\n'))
        {
            var fields = line.Split(' ');
            var horizon = PerformanceHorizons.Parse(fields[1]).Value;
            cells[(fields[0], horizon)] = fields[2] == "null"
                ? (null, double.NaN, 0)
                : (DateOnly.ParseExact(fields[2], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                   double.Parse(fields[3], CultureInfo.InvariantCulture),
                   fields.Length > 4 ? int.Parse(fields[4], CultureInfo.InvariantCulture) : 0);
        }

        return cells;
    }
}
