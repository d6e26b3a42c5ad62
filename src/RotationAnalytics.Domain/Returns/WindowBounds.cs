using RotationAnalytics.Domain.Errors;

namespace RotationAnalytics.Domain.Returns;

/// <summary>
/// Index range of the trading days inside [from, to] (SPEC §2), shared by every window computation.
/// <see cref="FirstDay"/>..<see cref="LastDay"/> are the days whose returns the window covers; the base price is
/// the close at <c>FirstDay − 1</c> (basis close) or the open at <c>FirstDay</c> (basis open).
/// </summary>
internal readonly record struct WindowBounds(int FirstDay, int LastDay)
{
    public int TradingDays => LastDay - FirstDay + 1;

    /// <summary>
    /// Validates the window given the index of the last date before <c>from</c> and of the last date ≤ <c>to</c>
    /// (−1 when none).
    /// </summary>
    public static DomainResult<WindowBounds> Locate(
        DateOnly from, DateOnly to, PriceBasis basis, int lastBeforeFrom, int lastOnOrBeforeTo)
    {
        if (from > to)
        {
            return DomainError.InvalidArgument(DomainInput.From, $"from ({from:yyyy-MM-dd}) must not be after to ({to:yyyy-MM-dd}).");
        }

        if (!Enum.IsDefined(basis))
        {
            return DomainError.InvalidArgument(DomainInput.Basis, "basis must be close or open.");
        }

        var firstDay = lastBeforeFrom + 1;
        if (firstDay > lastOnOrBeforeTo)
        {
            return DomainError.InsufficientData(DomainInput.From, $"No trading date between {from:yyyy-MM-dd} and {to:yyyy-MM-dd}.");
        }

        if (basis == PriceBasis.Close && lastBeforeFrom < 0)
        {
            return DomainError.InsufficientData(DomainInput.From, $"No trading date before {from:yyyy-MM-dd} to take the base close from; use a later from or basis open.");
        }

        return new WindowBounds(firstDay, lastOnOrBeforeTo);
    }

    /// <summary>Basis open needs a real open on the first day; vendors store 0 when they have none.</summary>
    public static DomainError? RequireOpen(double open, DomainInput input) => open > 0
        ? null
        : DomainError.InsufficientData(input, "The first trading date of the window has no open price; use basis close.");
}
