using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace RotationAnalytics.Api.Http;

/// <summary>
/// Every GET action also answers HEAD (SPEC §4), so a client can learn an answer's ETag, length and type without its
/// body. Applied to the application model, so a new controller's GET actions get it without an extra attribute. The
/// action runs as for GET; the result executors send the same headers and leave the body out.
/// </summary>
public sealed class HeadForEveryGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            if (selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault() is not { } constraint
                || !constraint.HttpMethods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase)
                || constraint.HttpMethods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            // Routing matches on the endpoint metadata, action selection on the constraint: both must list HEAD.
            var methods = constraint.HttpMethods.Append(HttpMethods.Head).ToList();
            selector.ActionConstraints.Remove(constraint);
            selector.ActionConstraints.Add(new HttpMethodActionConstraint(methods));
            var metadata = selector.EndpointMetadata.OfType<HttpMethodMetadata>().Single();
            selector.EndpointMetadata.Remove(metadata);
            selector.EndpointMetadata.Add(new HttpMethodMetadata(methods, metadata.AcceptCorsPreflight));
        }
    }
}
