using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Infrastructure.Snapshot;

/// <summary>Accumulates one instrument's bars in date order, then freezes them into an <see cref="InstrumentSeries"/> and resets.</summary>
/// <param name="sourceKind">Per source batch id: whether it reports corporate actions and whether its prices are dividend-adjusted.</param>
internal sealed class InstrumentSeriesBuilder(Func<long, (bool ReportsActions, bool AdjustedPrices)> sourceKind)
{
    private readonly List<bool> _runReportsActions = [];
    private readonly List<bool> _runAdjustedPrices = [];
    private readonly List<PriceBar> _bars = [];
    private readonly List<double> _adjustedCloses = [];
    private readonly List<double> _volumes = [];
    private readonly List<int> _flaggedIndexes = [];
    private readonly List<string[]> _flags = [];
    private readonly List<int> _runStarts = [];
    private readonly List<long> _runSources = [];
    private bool _anyAdjusted;
    private bool _anyVolume;

    /// <param name="adjustedClose">NaN when the bar has none.</param>
    /// <param name="volume">NaN when the bar has none.</param>
    public void Add(PriceBar bar, double adjustedClose, double volume, string[] flags, long source)
    {
        var index = _bars.Count;
        _bars.Add(bar);
        _adjustedCloses.Add(adjustedClose);
        _volumes.Add(volume);
        _anyAdjusted |= !double.IsNaN(adjustedClose);
        _anyVolume |= !double.IsNaN(volume);
        if (flags.Length > 0)
        {
            _flaggedIndexes.Add(index);
            _flags.Add(flags);
        }

        if (_runSources.Count == 0 || _runSources[^1] != source)
        {
            _runStarts.Add(index);
            _runSources.Add(source);
            var (reportsActions, adjustedPrices) = sourceKind(source);
            _runReportsActions.Add(reportsActions);
            _runAdjustedPrices.Add(adjustedPrices);
        }
    }

    public InstrumentSeries Build(DividendColumns? dividends)
    {
        var series = new InstrumentSeries(
            [.. _bars], _anyAdjusted ? [.. _adjustedCloses] : null, _anyVolume ? [.. _volumes] : null,
            [.. _flaggedIndexes], [.. _flags], [.. _runStarts], [.. _runSources], [.. _runReportsActions], [.. _runAdjustedPrices],
            dividends);
        _bars.Clear();
        _adjustedCloses.Clear();
        _volumes.Clear();
        _flaggedIndexes.Clear();
        _flags.Clear();
        _runStarts.Clear();
        _runSources.Clear();
        _runReportsActions.Clear();
        _runAdjustedPrices.Clear();
        _anyAdjusted = _anyVolume = false;
        return series;
    }
}
