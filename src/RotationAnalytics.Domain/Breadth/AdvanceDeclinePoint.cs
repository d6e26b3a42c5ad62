namespace RotationAnalytics.Domain.Breadth;

/// <summary>
/// One trading day of the window: members whose close-to-close return that day was &gt; 0, &lt; 0 or exactly 0,
/// and the advance–decline line, the running sum of (advancers − decliners) since the window started.
/// </summary>
public readonly record struct AdvanceDeclinePoint(DateOnly Date, int Advancers, int Decliners, int Unchanged, int Cumulative);
