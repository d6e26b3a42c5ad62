using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using RotationAnalytics.Api.Controllers;
using RotationAnalytics.Api.Http;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RotationAnalytics.Api.OpenApi;

/// <summary>
/// Types every parameter from <see cref="ParameterSchemas"/> (the actions bind strings, which would otherwise all be
/// documented as <c>string</c>), with the example of the action's XML comment converted to that type. A parameter the
/// table does not know keeps its generated schema; OpenApiDocumentTests fails on it.
/// </summary>
public sealed class ParameterTypesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var route = context.ApiDescription.RelativePath ?? string.Empty;
        var alternative = context.MethodInfo.GetCustomAttribute<ProducesAlternativeAttribute>()?.Format;
        operation.Parameters ??= [];
        if (context.MethodInfo.DeclaringType?.IsAssignableTo(typeof(AnalyticsControllerBase)) == true
            && !operation.Parameters.Any(p => p.Name == ResponseFormats.ParameterName))
        {
            // Every read endpoint takes format (StrictQueryParametersFilter), also one whose action does not declare it.
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = ResponseFormats.ParameterName,
                In = ParameterLocation.Query,
                Description = "json (the default and only representation of this endpoint).",
            });
        }

        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            if (parameter.Name is null || ParameterSchemas.Find(route, parameter.Name) is not { } typed)
            {
                continue;
            }

            var schema = typed.Schema();
            if (parameter.Name == ResponseFormats.ParameterName && alternative is { } word)
            {
                schema.Enum!.Add(ResponseFormats.Word(word));
            }

            parameter.Schema = schema;
            if (typed.CommaSeparated && parameter.In == ParameterLocation.Query)
            {
                parameter.Style = ParameterStyle.Form;
                parameter.Explode = false;
            }

            parameter.Example = parameter.Example is JsonValue given && given.TryGetValue<string>(out var text)
                ? ParameterSchemas.Typed(schema, text) ?? typed.Example.DeepClone()
                : typed.Example.DeepClone();
        }
    }
}
