namespace RotationAnalytics.Domain.Tests.Correlation;

/// <summary>
/// Where the figures in <see cref="ReturnCorrelationTests"/> come from: computed once with Debian's pandas 1.5.3
/// (<c>/usr/bin/python3 correlation.py</c>) on ../shared/data/market and pasted as literals; the tests never run Python.
/// pandas uses sample (n − 1) moments; correlation and beta are ratios, so the factor cancels.
/// <code>
/// import pandas as pd
/// D = '/work/shared/data/market/'
/// def load(s): return pd.read_csv(D + s + '.csv', parse_dates=['date']).set_index('date')['close']
/// def study(a, b, frm, to, w=63):
///     j = pd.concat([load(a), load(b)], axis=1, join='inner', keys=['a', 'b'])
///     ra, rb = j.a.pct_change().iloc[1:], j.b.pct_change().iloc[1:]   # return dated t, from the previous common date
///     inw = (ra.index &gt;= frm) &amp; (ra.index &lt;= to)
///     print(a, b, frm, to, 'returns', inw.sum(), ra.index[inw][0].date(), ra.index[inw][-1].date(),
///           'corr', repr(ra[inw].corr(rb[inw])), 'beta', repr(ra[inw].cov(rb[inw]) / rb[inw].var()))
///     rc = ra.rolling(w).corr(rb); rbeta = ra.rolling(w).cov(rb) / rb.rolling(w).var()
///     idx = ra.index[inw]
///     for d in [idx[0], idx[len(idx) // 2], idx[-1]]:
///         print('  ', d.date(), repr(rc[d]), repr(rbeta[d]))
/// study('IWM', 'SPY', '2025-01-01', '2025-12-31')
/// study('RUT', 'SPX', '1987-01-01', '2026-12-31')
/// study('XLK', 'SPY', '2020-02-01', '2020-06-30', 21)
/// </code>
/// </summary>
internal static class PandasCorrelationReference;
