namespace RotationAnalytics.Testing;

/// <summary>Locates the repository and the read-only shared data beside it (../shared), which tests read in place.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string MarketData => Path.Combine(Shared, "data", "market");

    public static string ProviderFixtures => Path.Combine(Shared, "fixtures", "providers");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RotationAnalytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RotationAnalytics.sln not found above " + AppContext.BaseDirectory);
    }
}
