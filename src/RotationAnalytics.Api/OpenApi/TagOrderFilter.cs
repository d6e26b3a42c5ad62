using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RotationAnalytics.Api.OpenApi;

/// <summary>
/// Orders tags (and so Swagger UI's sections) analytics first, then the reference data (instruments, groups), admin
/// last; alphabetical within each. Tag descriptions come from the controllers' XML summaries.
/// </summary>
public sealed class TagOrderFilter : IDocumentFilter
{
    private static readonly string[] ReferenceDataRoutes = ["instruments", "groups"];

    /// <summary>0 analytics, 1 reference data, 2 admin: the sort key of an operation.</summary>
    public static int Category(ApiDescription api) =>
        api.ActionDescriptor is ControllerActionDescriptor action && AdminSecurityFilter.RequiresKey(action.MethodInfo) ? 2
        : ReferenceDataRoutes.Any(r => (api.RelativePath ?? string.Empty).StartsWith(r, StringComparison.OrdinalIgnoreCase)) ? 1
        : 0;

    public static string Tag(ApiDescription api) =>
        (api.ActionDescriptor as ControllerActionDescriptor)?.ControllerName ?? api.RelativePath ?? string.Empty;

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var described = (swaggerDoc.Tags ?? new HashSet<OpenApiTag>()).ToDictionary(t => t.Name ?? string.Empty);
        var ordered = context.ApiDescriptions
            .GroupBy(Tag)
            .Select(g => (Tag: g.Key, Category: g.Min(Category)))
            .OrderBy(t => t.Category)
            .ThenBy(t => t.Tag, StringComparer.Ordinal)
            .Select(t => described.GetValueOrDefault(t.Tag) ?? new OpenApiTag { Name = t.Tag });
        swaggerDoc.Tags = new HashSet<OpenApiTag>(ordered);
    }
}
