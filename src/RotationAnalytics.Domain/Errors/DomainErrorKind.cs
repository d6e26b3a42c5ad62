namespace RotationAnalytics.Domain.Errors;

/// <summary>Why a computation could not produce a value; the API maps each kind to one HTTP status.</summary>
public enum DomainErrorKind
{
    /// <summary>A parameter is malformed or out of range (API → 400).</summary>
    InvalidArgument,

    /// <summary>The parameters are valid but the data cannot support the request (API → 422).</summary>
    InsufficientData,
}
