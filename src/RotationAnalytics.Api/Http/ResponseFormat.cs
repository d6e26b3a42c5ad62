using Microsoft.Net.Http.Headers;

namespace RotationAnalytics.Api.Http;

/// <summary>
/// The representations of a read endpoint's answer: JSON always, plus at most one alternative — CSV where the answer
/// is tabular, Markdown where it is a document (the rotation brief).
/// </summary>
public enum ResponseFormat
{
    Json,
    Csv,
    Markdown,
}

public static class ResponseFormats
{
    /// <summary>The query parameter that chooses the representation; it wins over <c>Accept</c>.</summary>
    public const string ParameterName = "format";

    public const string CsvMediaType = "text/csv";

    public const string JsonMediaType = "application/json";

    public const string MarkdownMediaType = "text/markdown";

    /// <summary>The format's word for the <c>format</c> parameter (json, csv, markdown).</summary>
    public static string Word(ResponseFormat format) => format.ToString().ToLowerInvariant();

    public static string MediaType(ResponseFormat format) => format switch
    {
        ResponseFormat.Csv => CsvMediaType,
        ResponseFormat.Markdown => MarkdownMediaType,
        _ => JsonMediaType,
    };

    /// <summary>
    /// The representation to send, and why the <c>format</c> parameter is unacceptable (null when it is fine). Without
    /// the parameter, <c>Accept</c> decides by q-value among the representations the endpoint has (RFC 9110 §12.5.1):
    /// the most specific range naming a type gives its quality, CSV (or Markdown) is chosen only when it is acceptable and preferred
    /// to JSON (higher q, or the same q by a more specific range, as in <c>text/csv, */*</c>). When neither is
    /// acceptable the header is disregarded and JSON sent, which RFC 9110 allows instead of a 406.
    /// </summary>
    public static (ResponseFormat Format, string? Error) Negotiate(HttpRequest request, bool tabular) =>
        Negotiate(request, tabular ? ResponseFormat.Csv : null);

    /// <summary>The same negotiation for an endpoint whose one alternative to JSON is <paramref name="alternative"/> (null: none).</summary>
    public static (ResponseFormat Format, string? Error) Negotiate(HttpRequest request, ResponseFormat? alternative)
    {
        var parameter = request.Query[ParameterName].ToString();
        if (parameter.Length > 0)
        {
            var offered = alternative is { } a ? $"json or {Word(a)}" : "json";
            return parameter.ToUpperInvariant() switch
            {
                "JSON" => (ResponseFormat.Json, null),
                "CSV" when alternative == ResponseFormat.Csv => (ResponseFormat.Csv, null),
                "MARKDOWN" when alternative == ResponseFormat.Markdown => (ResponseFormat.Markdown, null),
                "CSV" => (ResponseFormat.Json, $"This endpoint has no tabular form; use {offered}."),
                "MARKDOWN" => (ResponseFormat.Json, $"This endpoint has no Markdown form; use {offered}."),
                _ => (ResponseFormat.Json, $"'{parameter}' is not a format; use {offered}."),
            };
        }

        if (alternative is not { } other)
        {
            return (ResponseFormat.Json, null);
        }

        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return (ResponseFormat.Json, null);
        }

        var preferred = Preference(accept, MediaType(other));
        var json = Preference(accept, JsonMediaType);
        return (preferred.Quality > 0 && preferred.CompareTo(json) > 0 ? other : ResponseFormat.Json, null);
    }

    /// <summary>
    /// The quality the Accept ranges give a media type, from the most specific matching range (type/subtype over
    /// type/* over */*); quality 0 when no range matches.
    /// </summary>
    private static (double Quality, int Specificity) Preference(IList<MediaTypeHeaderValue> accept, string mediaType)
    {
        var wanted = new MediaTypeHeaderValue(mediaType);
        var best = (Quality: 0.0, Specificity: -1);
        foreach (var range in accept)
        {
            var specificity = range.MatchesAllTypes ? 0
                : !range.Type.Equals(wanted.Type, StringComparison.OrdinalIgnoreCase) ? -1
                : range.MatchesAllSubTypes ? 1
                : range.SubType.Equals(wanted.SubType, StringComparison.OrdinalIgnoreCase) ? 2
                : -1;
            if (specificity > best.Specificity)
            {
                best = (range.Quality ?? 1.0, specificity);
            }
        }

        return best;
    }
}
