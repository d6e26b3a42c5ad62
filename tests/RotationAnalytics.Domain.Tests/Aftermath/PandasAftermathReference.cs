namespace RotationAnalytics.Domain.Tests.Aftermath;

/// <summary>
/// Where the event-study figures in <see cref="StreakAftermathTests"/> come from: computed once with Debian's pandas
/// 1.5.3 (<c>/usr/bin/python3 aftermath.py</c>) on ../shared/data/market and pasted as literals; the tests never run
/// Python. Streaks as in RealData/PandasReference (runs of the sign of pct_change differences, ties break runs).
/// <code>
/// import pandas as pd, numpy as np
/// D = '/work/shared/data/market/'
/// def load(s): return pd.read_csv(D + s + '.csv', parse_dates=['date']).set_index('date')['close']
/// def study(a, b, asOf, direction=None, min_length=None, horizons=(5, 21, 63, 126)):
///     j = pd.concat([load(a), load(b)], axis=1, join='inner', keys=['a', 'b'])
///     j = j[j.index &lt;= asOf]
///     sign = np.sign(j.a.pct_change() - j.b.pct_change()).iloc[1:]
///     grp = (sign != sign.shift()).cumsum()
///     runs = [(g.iloc[0], g.index[0], g.index[-1], len(g)) for _, g in sign.groupby(grp) if g.iloc[0] != 0]
///     cur = runs[-1] if runs[-1][2] == j.index[-1] else None
///     d = direction or (('out' if cur[0] &gt; 0 else 'under') if cur else 'out')
///     s = 1 if d == 'out' else -1
///     m = min_length or (cur[3] if cur and cur[0] == s else 10)
///     pos = {t: i for i, t in enumerate(j.index)}
///     ev = [r for r in runs if r[0] == s and r[3] &gt;= m and r[2] &lt; j.index[-1]]
///     print(a, b, asOf, d, m, 'events', len(ev))
///     rows = []
///     for _, start, end, n in ev:
///         e = pos[end]; fw = {}
///         for h in horizons:
///             if e + h &lt; len(j):
///                 ra = j.a.iloc[e + h] / j.a.iloc[e] - 1; rb = j.b.iloc[e + h] / j.b.iloc[e] - 1
///                 fw[h] = (j.index[e + h].date(), ra, rb, ra - rb)
///         rows.append(fw)
///         print(' ', start.date(), end.date(), n, {h: (str(v[0]), v[3]) for h, v in fw.items()})
///     for h in horizons:
///         x = pd.Series([r[h][3] for r in rows if h in r]); ra = pd.Series([r[h][1] for r in rows if h in r])
///         print('  summary', h, len(x), repr(x.mean()), repr(x.median()), repr((x &gt; 0).mean()), repr(x.min()), repr(x.max()), repr(ra.mean()))
/// study('RUT', 'SPX', pd.Timestamp('2026-08-21'), 'out', 10)
/// study('RUT', 'SPX', pd.Timestamp('2026-01-22'))
/// study('IWM', 'SPY', pd.Timestamp('2026-02-27'), 'under', 7, (1, 21, 126))
/// study('RUT', 'SPX', pd.Timestamp('2026-03-31'), 'out', 10)
/// </code>
/// </summary>
internal static class PandasAftermathReference;
