namespace RotationAnalytics.Api.Http;

/// <summary>Per-client-IP fixed-window limit on the public endpoints; bound from <c>RateLimiting</c>.</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "RateLimiting";

    public const string PolicyName = "public";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests allowed per client IP per window.</summary>
    public int PermitLimit { get; set; } = 600;

    public int WindowSeconds { get; set; } = 60;
}
