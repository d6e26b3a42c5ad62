using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>
/// What `docker compose up` relies on, checked without a Docker engine (scripts/test.sh also runs `docker-compose config`
/// where the command exists).
/// </summary>
public sealed class ContainerFilesTests
{
    [Fact]
    public void The_build_context_leaves_out_the_database_build_output_and_version_control()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".dockerignore")).Where(l => !l.StartsWith('#')).ToList();

        ignored.Should().Contain([".git", ".pgdata/", "**/bin/", "**/obj/", "**/node_modules/", "tests/", "benchmarks/"]);
    }

    [Fact]
    public void The_api_service_has_a_health_check_the_admin_key_from_the_environment_and_an_optional_csv_folder()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));
        var api = compose[compose.IndexOf("\n  api:", StringComparison.Ordinal)..];
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile"));

        api.Should().Contain("healthcheck:").And.Contain("/health/live");
        api.Should().Contain("Admin__ApiKey: \"${ADMIN_API_KEY:-}\"");
        api.Should().Contain("\"${ROTATION_CSV_DIR:-csv-none}:/data/market:ro\"");
        dockerfile.Should().Contain("export Ingestion__CsvDirectory=/data/market");
    }
}
