using RotationAnalytics.Domain.Errors;

namespace RotationAnalytics.Api.Queries;

/// <summary>An expected failure of a query, with the HTTP status it maps to and the parameter it concerns.</summary>
public sealed record QueryError(int Status, string Parameter, string Message)
{
    public static QueryError UnknownSymbol(string parameter, string symbol) =>
        new(StatusCodes.Status404NotFound, parameter, $"Unknown symbol '{symbol}'. GET /instruments lists the symbols and aliases.");

    public static QueryError NotEnoughData(string parameter, string message) => new(StatusCodes.Status422UnprocessableEntity, parameter, message);

    /// <summary>Domain errors identify their input; <paramref name="parameters"/> names the query parameter behind it.</summary>
    public static QueryError FromDomain(DomainError error, InputParameters parameters) => new(
        error.Kind == DomainErrorKind.InsufficientData ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest,
        parameters.For(error.Input),
        error.Message);
}

/// <summary>A query's value or its <see cref="QueryError"/>.</summary>
public readonly record struct QueryResult<T>
{
    public QueryResult(T value)
        : this(value, null)
    {
    }

    private QueryResult(T? value, QueryError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public QueryError? Error { get; }

    public static implicit operator QueryResult<T>(T value) => new(value, null);

    public static implicit operator QueryResult<T>(QueryError error) => new(default, error);
}
