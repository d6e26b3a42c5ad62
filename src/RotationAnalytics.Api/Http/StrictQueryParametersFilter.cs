using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RotationAnalytics.Api.Controllers;

namespace RotationAnalytics.Api.Http;

/// <summary>
/// Rejects, before model binding, a query parameter the action does not declare and a parameter given more than once
/// (SPEC §4): a misspelt <c>as_of</c> must not silently answer for the latest date, and of <c>symbol=RUT&amp;symbol=IWM</c>
/// neither value is more right than the other. The accepted names are read from the action's signature (parameters
/// bound from the query) plus <c>format</c> on every read endpoint, so a new controller is covered without
/// registering anything. Names compare case-insensitively, as model binding does. Parameters are simple values bound
/// by name, as on every endpoint here; a complex <c>[FromQuery]</c> model would need its property names added.
/// </summary>
public sealed class StrictQueryParametersFilter(ProblemDetailsFactory problems) : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var accepted = AcceptedNames(context.ActionDescriptor);
        var errors = new ModelStateDictionary();
        foreach (var (name, values) in context.HttpContext.Request.Query)
        {
            if (!accepted.TryGetValue(name, out var declared))
            {
                errors.AddModelError(name, accepted.Count == 0
                    ? $"'{name}' is not a parameter of this endpoint; it takes no query parameters."
                    : $"'{name}' is not a parameter of this endpoint; it takes: {string.Join(", ", accepted.Values.Order(StringComparer.Ordinal))}.");
            }
            else if (values.Count > 1)
            {
                errors.AddModelError(declared, $"{declared} is given {values.Count} times; give it once (a list of symbols is comma-separated).");
            }
        }

        if (!errors.IsValid)
        {
            var problem = problems.CreateValidationProblemDetails(context.HttpContext, errors);
            context.Result = new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { "application/problem+json" } };
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }

    /// <summary>The query parameters of the action by name, case-insensitive, each to its declared spelling.</summary>
    private static Dictionary<string, string> AcceptedNames(ActionDescriptor action)
    {
        // [ApiController] infers the binding source of every parameter: simple types not in the route come from the query.
        var names = action.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Query)
            .Select(p => p.BindingInfo?.BinderModelName ?? p.Name)
            .ToDictionary(name => name, StringComparer.OrdinalIgnoreCase);
        if (action is ControllerActionDescriptor controller && controller.ControllerTypeInfo.IsAssignableTo(typeof(AnalyticsControllerBase)))
        {
            names.TryAdd(ResponseFormats.ParameterName, ResponseFormats.ParameterName);
        }

        return names;
    }
}
