using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace RotationAnalytics.Api.Admin;

/// <summary>
/// Admin endpoints require the <c>X-Api-Key</c> header to equal the configured <c>Admin:ApiKey</c> (env
/// <c>Admin__ApiKey</c>). Without a configured key every admin request is refused.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireAdminApiKeyAttribute() : TypeFilterAttribute(typeof(AdminApiKeyFilter));

internal sealed class AdminApiKeyFilter(IConfiguration configuration, ProblemDetailsFactory problems) : IAuthorizationFilter
{
    public const string HeaderName = "X-Api-Key";
    public const string ConfigurationKey = "Admin:ApiKey";

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var expected = configuration[ConfigurationKey];
        var given = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (!string.IsNullOrEmpty(expected) && given.Length > 0 && FixedTimeEquals(given, expected))
        {
            return;
        }

        var problem = problems.CreateProblemDetails(
            context.HttpContext, StatusCodes.Status401Unauthorized, detail: $"Admin endpoints need a valid {HeaderName} header.");
        context.Result = new ObjectResult(problem) { StatusCode = StatusCodes.Status401Unauthorized, ContentTypes = { "application/problem+json" } };
    }

    // Hashing first makes the comparison length-independent, so timing reveals neither content nor length.
    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
