namespace RotationAnalytics.Api.Http;

/// <summary>
/// Conservative response headers for a JSON API. The Swagger UI page needs scripts and styles, so the strict
/// content-security policy is applied everywhere except under /swagger; the landing page and the dashboard get a policy
/// that allows their own scripts, styles and API calls and nothing else (<see cref="DashboardPages"/>).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-site";
        if (DashboardPages.IsPage(context.Request.Path))
        {
            headers.ContentSecurityPolicy = DashboardPages.ContentSecurityPolicy;
        }
        else if (!context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        }

        return next(context);
    }
}
