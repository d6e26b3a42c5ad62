using System.Diagnostics.CodeAnalysis;

namespace RotationAnalytics.Domain.Errors;

/// <summary>Either a value or a <see cref="DomainError"/>; domain functions return this instead of throwing.</summary>
public readonly record struct DomainResult<T>
{
    private readonly T? _value;

    private DomainResult(T? value, DomainError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The failure, or null on success.</summary>
    public DomainError? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; reading it from a failed result is a programming error of the caller.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"No value: {Error.Kind} on '{Error.Input}': {Error.Message}");

    public static implicit operator DomainResult<T>(T value) => new(value, null);

    public static implicit operator DomainResult<T>(DomainError error) => new(default, error);
}
