using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RotationAnalytics.Api.OpenApi;

/// <summary>
/// Examples on the ProblemDetails schemas, recorded from the API: a 400 naming the parameter, a 404 for an unknown
/// symbol. They sit on the schemas (not on each operation) because one error example does not fit every endpoint.
/// </summary>
public sealed class ProblemExamplesFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var schemas = swaggerDoc.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        if (schemas.TryGetValue("ValidationProblemDetails", out var validation) && validation is OpenApiSchema validationSchema
            && ResponseExamples.Find("ValidationProblem") is { } badRequest)
        {
            validationSchema.Examples = [badRequest];
        }

        if (schemas.TryGetValue("ProblemDetails", out var problem) && problem is OpenApiSchema problemSchema
            && ResponseExamples.Find("NotFoundProblem") is { } unknownSymbol)
        {
            problemSchema.Examples = [unknownSymbol];
        }
    }
}
