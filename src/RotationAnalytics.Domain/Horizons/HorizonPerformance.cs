using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Horizons;

/// <summary>
/// One instrument as of a date: <see cref="End"/> = its last bar on or before asOf (E and C(E)),
/// <see cref="FirstDate"/> = its first stored bar (MAX's base), and one <see cref="HorizonReturn"/> per requested
/// horizon, in the requested order.
/// </summary>
public sealed record HorizonPerformance(PricePoint End, DateOnly FirstDate, HorizonReturn[] Returns);
