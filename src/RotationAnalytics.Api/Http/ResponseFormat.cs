namespace RotationAnalytics.Api.Http;

/// <summary>JSON by default; CSV with <c>format=csv</c> or, when no format is given, <c>Accept: text/csv</c>.</summary>
public enum ResponseFormat
{
    Json,
    Csv,
}

public static class ResponseFormats
{
    public const string CsvMediaType = "text/csv";

    /// <summary>The requested format, or null when the <c>format</c> parameter is not json or csv.</summary>
    public static ResponseFormat? Requested(HttpRequest request)
    {
        var format = request.Query["format"].ToString();
        if (format.Length > 0)
        {
            return format.ToUpperInvariant() switch
            {
                "CSV" => ResponseFormat.Csv,
                "JSON" => ResponseFormat.Json,
                _ => null,
            };
        }

        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase))
            ? ResponseFormat.Csv
            : ResponseFormat.Json;
    }
}
