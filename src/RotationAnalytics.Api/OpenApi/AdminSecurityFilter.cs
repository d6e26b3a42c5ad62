using System.Reflection;
using Microsoft.OpenApi;
using RotationAnalytics.Api.Admin;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RotationAnalytics.Api.OpenApi;

/// <summary>
/// The <c>X-Api-Key</c> scheme on the operations that require it (<see cref="RequireAdminApiKeyAttribute"/> on the action
/// or its controller), and an explicit empty requirement on the public ones, so a client generator and Swagger's
/// Authorize button send the key only where it is needed.
/// </summary>
public sealed class AdminSecurityFilter : IOperationFilter
{
    public const string SchemeName = "ApiKey";

    public static OpenApiSecurityScheme Scheme { get; } = new()
    {
        Type = SecuritySchemeType.ApiKey,
        In = ParameterLocation.Header,
        Name = AdminApiKeyFilter.HeaderName,
        Description = "Admin key (configuration Admin:ApiKey, environment Admin__ApiKey); required on /admin/* only.",
    };

    public static bool RequiresKey(MethodInfo action) =>
        action.GetCustomAttribute<RequireAdminApiKeyAttribute>(inherit: true) is not null
        || action.DeclaringType?.GetCustomAttribute<RequireAdminApiKeyAttribute>(inherit: true) is not null;

    public void Apply(OpenApiOperation operation, OperationFilterContext context) =>
        operation.Security = RequiresKey(context.MethodInfo)
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }]
            : [];
}
