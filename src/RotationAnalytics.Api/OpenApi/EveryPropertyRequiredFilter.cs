using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RotationAnalytics.Api.OpenApi;

/// <summary>
/// Marks every property of this API's response and request records as required: the JSON serializer writes every
/// property, null included (no ignore conditions), so a client may rely on each being present. Whether a value may be
/// null is the property's own nullability (nullable reference types). Framework types (ProblemDetails) are left as they are.
/// A nullable reference to another schema is, in OpenAPI 3.0, a one-element <c>allOf</c> with <c>nullable</c>; it is
/// given the referenced schema's type, which <c>nullable</c> needs beside it.
/// </summary>
public sealed class EveryPropertyRequiredFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } typed || context.Type.Assembly != typeof(EveryPropertyRequiredFilter).Assembly)
        {
            return;
        }

        typed.Required = new SortedSet<string>(typed.Properties.Keys, StringComparer.Ordinal);
        foreach (var property in typed.Properties.Values.OfType<OpenApiSchema>())
        {
            if (property is { Type: JsonSchemaType.Null, AllOf: [OpenApiSchemaReference reference] })
            {
                var target = reference.Reference.Id is { } id && context.SchemaRepository.Schemas.TryGetValue(id, out var found) ? found.Type : null;
                property.Type = (target ?? JsonSchemaType.Object) | JsonSchemaType.Null;
            }
        }
    }
}
