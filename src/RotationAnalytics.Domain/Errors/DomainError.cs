namespace RotationAnalytics.Domain.Errors;

/// <summary>A typed, expected failure of a domain computation. <paramref name="Input"/> identifies the offending input.</summary>
public sealed record DomainError(DomainErrorKind Kind, DomainInput Input, string Message)
{
    public static DomainError InvalidArgument(DomainInput input, string message) =>
        new(DomainErrorKind.InvalidArgument, input, message);

    public static DomainError InsufficientData(DomainInput input, string message) =>
        new(DomainErrorKind.InsufficientData, input, message);
}
