using System.Text.Json;
using RotationAnalytics.Domain.Errors;

namespace RotationAnalytics.Api.Services;

/// <summary>An expected failure of a query, with the HTTP status it maps to and the parameter it concerns.</summary>
public sealed record QueryError(int Status, string Parameter, string Message)
{
    public static QueryError UnknownSymbol(string parameter, string symbol) =>
        new(StatusCodes.Status404NotFound, parameter, $"Unknown symbol '{symbol}'. GET /instruments lists the symbols and aliases.");

    /// <summary>Domain errors name domain inputs; <paramref name="parameterFor"/> maps them to the query parameter.</summary>
    public static QueryError FromDomain(DomainError error, Func<DomainInput, string>? parameterFor = null) => new(
        error.Kind == DomainErrorKind.InsufficientData ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest,
        parameterFor?.Invoke(error.Input) ?? QueryParameterNames.Default(error.Input),
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

/// <summary>The query parameter behind each domain input when a request uses the conventional names.</summary>
public static class QueryParameterNames
{
    public static string Default(DomainInput input) => input switch
    {
        DomainInput.Series or DomainInput.SeriesA => "symbol",
        DomainInput.SeriesB => "benchmark",
        DomainInput.Pair => "symbol",
        DomainInput.Members => "group",
        _ => JsonNamingPolicy.CamelCase.ConvertName(input.ToString()),
    };
}
