using System.Reflection;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RotationAnalytics.Api.OpenApi;

/// <summary>
/// Marks every non-nullable property of this API's records as required: a response always has it (the serializer
/// writes every property), and a request must give it, while a nullable one may be left out of a request (e.g. the
/// optional fields of StartIngestionRunRequest). Nullability comes from nullable reference types. Framework types
/// (ProblemDetails) are left as they are.
/// A nullable reference to another schema is, in OpenAPI 3.0, a one-element <c>allOf</c> with <c>nullable</c>; it is
/// given the referenced schema's type, which <c>nullable</c> needs beside it.
/// </summary>
public sealed class NonNullablePropertiesRequiredFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } typed || context.Type.Assembly != typeof(NonNullablePropertiesRequiredFilter).Assembly)
        {
            return;
        }

        // Swashbuckle does not mark every nullable reference nullable (seen for a record used by two operations): mark
        // them from the C# nullability of the property, then type them like the others.
        var nullability = new NullabilityInfoContext();
        var nullable = context.Type.GetProperties()
            .Where(p => nullability.Create(p).ReadState == NullabilityState.Nullable)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (name, property) in typed.Properties.Where(p => nullable.Contains(p.Key)).ToList())
        {
            switch (property)
            {
                case OpenApiSchemaReference bare:
                    typed.Properties[name] = new OpenApiSchema { Type = JsonSchemaType.Null, AllOf = [bare] };
                    break;
                case OpenApiSchema { AllOf: [OpenApiSchemaReference] } wrapped:
                    wrapped.Type = JsonSchemaType.Null;
                    break;
            }
        }

        foreach (var property in typed.Properties.Values.OfType<OpenApiSchema>())
        {
            if (property is { Type: JsonSchemaType.Null, AllOf: [OpenApiSchemaReference reference] })
            {
                var target = reference.Reference.Id is { } id && context.SchemaRepository.Schemas.TryGetValue(id, out var found) ? found.Type : null;
                property.Type = (target ?? JsonSchemaType.Object) | JsonSchemaType.Null;
            }
        }

        typed.Required = new SortedSet<string>(
            typed.Properties.Where(p => p.Value.Type?.HasFlag(JsonSchemaType.Null) != true).Select(p => p.Key), StringComparer.Ordinal);
    }
}
