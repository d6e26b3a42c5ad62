namespace RotationAnalytics.Domain.Errors;

/// <summary>A typed, expected failure of a domain computation. <paramref name="Parameter"/> names the offending input.</summary>
public sealed record DomainError(DomainErrorKind Kind, string Parameter, string Message)
{
    public static DomainError InvalidArgument(string parameter, string message) =>
        new(DomainErrorKind.InvalidArgument, parameter, message);

    public static DomainError InsufficientData(string parameter, string message) =>
        new(DomainErrorKind.InsufficientData, parameter, message);
}
