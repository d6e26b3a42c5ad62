namespace RotationAnalytics.Infrastructure;

/// <summary>Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Apply pending EF Core migrations and seed the default universe at startup.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
