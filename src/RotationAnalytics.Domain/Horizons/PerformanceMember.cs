using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Horizons;

/// <summary>An instrument of a multi-horizon table: its symbol (unique in the table) and its bars.</summary>
public sealed record PerformanceMember(string Symbol, IReadOnlyList<PriceBar> Bars);
