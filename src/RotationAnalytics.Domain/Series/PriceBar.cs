namespace RotationAnalytics.Domain.Series;

/// <summary>One trading day of an instrument. A series is a list of bars sorted ascending by unique date.</summary>
public readonly record struct PriceBar(DateOnly Date, double Open, double High, double Low, double Close);
