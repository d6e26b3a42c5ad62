namespace RotationAnalytics.Api.Http;

/// <summary>
/// The two HTML pages of the service (SPEC §6): <c>/</c>, the landing page, and <c>/dashboard</c>, whose state (symbol,
/// benchmark, dates, language) lives in its query string and is read by its script, not by the server — so these routes
/// accept any query string, unlike the API's strict parameters. Everything the pages show comes from the public JSON API.
/// </summary>
public static class DashboardPages
{
    public const string LandingPath = "/";

    public const string DashboardPath = "/dashboard";

    /// <summary>
    /// The pages' content-security policy: their own scripts, styles and API only (no inline script or style, nothing
    /// from another origin). ECharts draws on canvas and styles its elements through the DOM, which the policy allows.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Whether the path is one of the pages, as routing matches them (case-insensitive, a trailing slash allowed).</summary>
    public static bool IsPage(PathString path)
    {
        var value = path.Value ?? string.Empty;
        return value == LandingPath || value.TrimEnd('/').Equals(DashboardPath, StringComparison.OrdinalIgnoreCase);
    }

    public static WebApplication MapDashboardPages(this WebApplication app)
    {
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods(LandingPath, methods, () => Page("index.html")).ExcludeFromDescription();
        app.MapMethods(DashboardPath, methods, () => Page("dashboard.html")).ExcludeFromDescription();
        return app;
    }

    // A relative path is served from the web root (wwwroot), with Last-Modified and ETag for revalidation.
    private static IResult Page(string file) =>
        Results.File(file, "text/html; charset=utf-8", enableRangeProcessing: false);
}
