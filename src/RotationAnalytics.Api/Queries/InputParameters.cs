using System.Text.Json;
using RotationAnalytics.Domain.Errors;

namespace RotationAnalytics.Api.Queries;

/// <summary>
/// Which query parameter chose each input of a domain computation, for one endpoint: a domain error names its input
/// (<see cref="DomainInput"/>) and this says which parameter to blame. Inputs without a mapping here are parameters
/// of the same name (<c>From</c> → <c>from</c>, <c>MinLength</c> → <c>minLength</c>).
/// </summary>
/// <param name="Symbol">The parameter of the symbol (series A, or the single series).</param>
/// <param name="Benchmark">The parameter of the benchmark (series B of a pair, or a table's benchmark series).</param>
/// <param name="Members">The parameter that chose a table's instruments (<c>group</c>, or <c>symbols</c> when listed one by one).</param>
/// <param name="CutAt">
/// The parameter that cut the data short (asOf or to), when given: "too few common dates" is then its fault rather than
/// the symbol's.
/// </param>
public sealed record InputParameters(string Symbol = "symbol", string Benchmark = "benchmark", string? CutAt = null, string Members = "group")
{
    public string For(DomainInput input) => input switch
    {
        DomainInput.Series or DomainInput.SeriesA => Symbol,
        DomainInput.SeriesB => Benchmark,
        DomainInput.Pair => CutAt ?? Symbol,
        DomainInput.Members => Members,
        DomainInput.Benchmark => Benchmark,
        _ => JsonNamingPolicy.CamelCase.ConvertName(input.ToString()),
    };
}
