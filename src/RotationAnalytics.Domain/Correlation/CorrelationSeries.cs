using System.Collections;

namespace RotationAnalytics.Domain.Correlation;

/// <summary>
/// The trailing-window points of a <see cref="CorrelationReport"/>, stored as three parallel arrays (dates,
/// correlations, betas; NaN = none) and handed out as <see cref="CorrelationPoint"/>s. Why not one array of points:
/// 10,000 points of 24 bytes are a single 240 KB large-object-heap allocation, which costs gen-2 collections under
/// load; the parallel arrays stay below the 85 KB threshold up to about 10,600 points.
/// </summary>
public sealed class CorrelationSeries : IReadOnlyList<CorrelationPoint>
{
    private readonly DateOnly[] _dates;
    private readonly double[] _correlations;
    private readonly double[] _betas;

    internal CorrelationSeries(DateOnly[] dates, double[] correlations, double[] betas)
    {
        _dates = dates;
        _correlations = correlations;
        _betas = betas;
    }

    public int Count => _dates.Length;

    public CorrelationPoint this[int index] => CorrelationPoint.FromRaw(_dates[index], _correlations[index], _betas[index]);

    public IEnumerator<CorrelationPoint> GetEnumerator()
    {
        for (var i = 0; i < _dates.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
