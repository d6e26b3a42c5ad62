namespace RotationAnalytics.Api.Admin;

/// <summary>A request field and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// Why an admin operation did not happen, as a value (never an exception across layers): 400 with every field at
/// fault, 404 for an unknown symbol or group, 409 for a conflict with what is stored.
/// </summary>
public sealed record AdminFailure(int Status, IReadOnlyList<FieldError> Errors)
{
    public static AdminFailure Invalid(IReadOnlyList<FieldError> errors) => new(StatusCodes.Status400BadRequest, errors);

    public static AdminFailure NotFound(string field, string message) => new(StatusCodes.Status404NotFound, [new FieldError(field, message)]);

    public static AdminFailure Conflict(string field, string message) => new(StatusCodes.Status409Conflict, [new FieldError(field, message)]);
}

/// <summary>The value of a successful admin operation, or its failure.</summary>
public sealed record AdminOutcome<T>(T? Value, AdminFailure? Failure = null)
{
    public static implicit operator AdminOutcome<T>(AdminFailure failure) => new(default, failure);
}
