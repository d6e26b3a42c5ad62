namespace RotationAnalytics.Domain.Series;

/// <summary>
/// The common trading dates a pair computation used: first and last date, how many, and how many dates of
/// either series inside that span were skipped because the other series has no bar on them.
/// </summary>
public sealed record CommonDates(DateOnly First, DateOnly Last, int Count, int Skipped);
