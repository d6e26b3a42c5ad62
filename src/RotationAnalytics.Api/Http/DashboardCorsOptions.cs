namespace RotationAnalytics.Api.Http;

/// <summary>Origins of dashboards allowed to call the API from a browser; bound from <c>Cors</c>. Empty: none.</summary>
public sealed class DashboardCorsOptions
{
    public const string SectionName = "Cors";

    public const string PolicyName = "dashboards";

    public string[] AllowedOrigins { get; set; } = [];
}
