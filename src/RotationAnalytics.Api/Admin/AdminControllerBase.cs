using Microsoft.AspNetCore.Mvc;

namespace RotationAnalytics.Api.Admin;

/// <summary>Admin endpoints: JSON, the X-Api-Key requirement, and failures as RFC 9457 problem details naming the field.</summary>
[ApiController]
[Produces("application/json")]
[RequireAdminApiKey]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
public abstract class AdminControllerBase : ControllerBase
{
    protected ActionResult Fail(AdminFailure failure)
    {
        if (failure.Status == StatusCodes.Status400BadRequest)
        {
            foreach (var error in failure.Errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            return ValidationProblem();
        }

        var first = failure.Errors[0];
        var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, failure.Status, detail: first.Message);
        problem.Extensions["parameter"] = first.Field;
        return new ObjectResult(problem) { StatusCode = failure.Status, ContentTypes = { "application/problem+json" } };
    }
}
