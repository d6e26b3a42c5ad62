using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using RotationAnalytics.Api.Http;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RotationAnalytics.Api.OpenApi;

/// <summary>
/// The media types an operation really answers: <c>application/json</c> (MVC's formatters would also list
/// <c>text/plain</c> and <c>text/json</c>, which the app never sends), <c>text/csv</c> or <c>text/markdown</c> where
/// the action is <see cref="ProducesAlternativeAttribute"/>, nothing for HEAD (headers only), and the 200 example recorded from the shared
/// market data (<see cref="ResponseExamples"/>).
/// </summary>
public sealed class ResponseContentFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is null)
        {
            return;
        }

        var head = HttpMethods.IsHead(context.ApiDescription.HttpMethod ?? string.Empty);
        foreach (var response in operation.Responses.Values.OfType<OpenApiResponse>())
        {
            if (response.Content is null)
            {
                continue;
            }

            if (head)
            {
                response.Content = null;
                continue;
            }

            response.Content.Remove("text/plain");
            response.Content.Remove("text/json");
        }

        if (head || !operation.Responses.TryGetValue("200", out var ok) || ok.Content is null)
        {
            return;
        }

        if (ok.Content.TryGetValue(ResponseFormats.JsonMediaType, out var json) && json is OpenApiMediaType jsonMedia
            && ResponseExamples.Find(operation.OperationId) is { } example)
        {
            jsonMedia.Example = example;
        }

        if (context.MethodInfo.GetCustomAttribute<ProducesAlternativeAttribute>()?.Format is { } alternative)
        {
            var description = alternative == ResponseFormat.Csv
                ? "RFC 4180 CSV with a header row; a Link header points to the same query as JSON (methodology and sources)."
                : "The note as Markdown (UTF-8), its numbered references listed at the end.";
            ok.Content[ResponseFormats.MediaType(alternative)] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = description },
            };
        }
    }
}

/// <summary>
/// Example answers recorded from the API on the shared market data (../shared/data/market) for the request each
/// action's XML comment shows, long arrays shortened to three items: embedded <c>OpenApi/Examples/{operationId}.json</c>.
/// </summary>
public static class ResponseExamples
{
    public static JsonNode? Find(string? name)
    {
        using var stream = name is null ? null : typeof(ResponseExamples).Assembly.GetManifestResourceStream($"OpenApiExamples.{name}.json");
        return stream is null ? null : JsonNode.Parse(stream);
    }
}
