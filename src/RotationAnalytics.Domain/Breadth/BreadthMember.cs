using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Breadth;

/// <summary>A member of any instrument group, with its own series (members are not aligned on common dates).</summary>
public sealed record BreadthMember(string Symbol, string? Sector, IReadOnlyList<PriceBar> Bars);
