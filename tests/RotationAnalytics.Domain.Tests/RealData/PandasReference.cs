namespace RotationAnalytics.Domain.Tests.RealData;

/// <summary>
/// Where the pandas figures in the RealData tests come from. They were computed once, by hand, with Debian's
/// pandas 1.5.3 (<c>apt-get install -y python3-pandas</c>, run as <c>/usr/bin/python3 ref.py</c>) on
/// ../shared/data/market and pasted as literals; the tests never run Python. The script (abridged):
/// <code>
/// D = '/work/shared/data/market/'
/// def load(s): return pd.read_csv(D+s+'.csv', parse_dates=['date']).set_index('date')
/// # Streaks: inner join, pct_change, sign of (rA − rB), runs of equal non-zero signs via (sign != sign.shift()).cumsum()
/// j = load('RUT')[['close']].join(load('SPX')[['close']], how='inner', lsuffix='_a', rsuffix='_b')
/// ra, rb = j.close_a.pct_change(), j.close_b.pct_change(); sign = np.sign(ra - rb).iloc[1:]
/// grp = (sign != sign.shift()).cumsum()  # each group with sign != 0 is a streak; cum = CA(e)/CA(s−1) − CB(e)/CB(s−1)
/// # RSI14 of SPX: gains/losses from c.diff(), seed = mean of diffs 1..14, then (prev·13 + x)/14; rsi = 100 − 100/(1 + ag/al)
/// # IWM vs SPY YTD 2026: base = last joined row before 2026-01-01, end = last row ≤ 2026-08-20, daily pct_change inside
/// # XL* returns: close[last ≤ 2026-03-31] / close[last &lt; 2026-01-01] − 1
/// </code>
/// </summary>
internal static class PandasReference;
