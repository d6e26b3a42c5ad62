using System.Reflection;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OpenApi;

namespace RotationAnalytics.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/swagger/v1/swagger.json</c> and Swagger UI at <c>/swagger</c>: typed parameters, the
/// media types really answered, recorded examples, the X-Api-Key scheme on admin operations, analytics first
/// (docs/api.md, "OpenAPI document").
/// </summary>
public static class OpenApiRegistration
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddTypedOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "RotationAnalytics API",
                Version = DocumentName,
                Description = "Rotation between market segments from stored daily bars: every figure cites its sources and method.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            options.IncludeXmlComments(xml, includeControllerXmlComments: true);
            // Stable names for generated client methods: Streaks_Get, Instruments_Bars, Streaks_Get_Head, ...
            options.CustomOperationIds(api => api.ActionDescriptor is ControllerActionDescriptor action
                ? $"{action.ControllerName}_{action.ActionName}{(HttpMethods.IsHead(api.HttpMethod ?? string.Empty) ? "_Head" : string.Empty)}"
                : null);
            options.OrderActionsBy(api => $"{TagOrderFilter.Category(api)}_{TagOrderFilter.Tag(api)}_{api.RelativePath}_{api.HttpMethod}");
            options.AddSecurityDefinition(AdminSecurityFilter.SchemeName, AdminSecurityFilter.Scheme);
            // Nullability from the records' nullable reference types; a nullable reference to a schema needs allOf in 3.0.
            options.SupportNonNullableReferenceTypes();
            options.UseAllOfToExtendReferenceSchemas();
            options.SchemaFilter<NonNullablePropertiesRequiredFilter>();
            options.OperationFilter<ParameterTypesFilter>();
            options.OperationFilter<ResponseContentFilter>();
            options.OperationFilter<AdminSecurityFilter>();
            options.DocumentFilter<ProblemExamplesFilter>();
            // After IncludeXmlComments, whose document filter creates the tags with their descriptions.
            options.DocumentFilter<TagOrderFilter>();
        });
        return services;
    }

    public static WebApplication UseTypedOpenApi(this WebApplication app)
    {
        // Relative to the host that served the document (behind a path base, that base): Swagger UI and a generated
        // client call the host they read it from, and the document names no host of its own.
        app.UseSwagger(options => options.PreSerializeFilters.Add((document, request) =>
            document.Servers = [new OpenApiServer { Url = request.PathBase.HasValue ? request.PathBase.Value : "/", Description = "The host serving this document" }]));
        app.UseSwaggerUI(options => options.DocumentTitle = "RotationAnalytics API");
        return app;
    }
}
