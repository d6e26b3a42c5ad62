using System.Diagnostics;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>What a finished child process printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error);

/// <summary>Runs the real executables (the built API's CLI, scripts/run.sh) as an operator would, with a deadline.</summary>
public static class ExternalProcess
{
    /// <summary>The API built in the same configuration as these tests (src/RotationAnalytics.Api/bin/&lt;configuration&gt;/net10.0).</summary>
    public static string ApiAssembly
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            return Path.Combine(
                RepositoryPaths.Root, "src", "RotationAnalytics.Api", "bin", framework.Parent!.Name, framework.Name, "RotationAnalytics.Api.dll");
        }
    }

    /// <summary>Runs the built API (server or <c>ingest</c> CLI) from its own folder, as the container image does.</summary>
    public static Task<ProcessResult> RunApiAsync(params string[] arguments) =>
        RunAsync("dotnet", [ApiAssembly, .. arguments], Path.GetDirectoryName(ApiAssembly)!);

    /// <summary>Runs a repository script from a folder outside the repository.</summary>
    public static Task<ProcessResult> RunScriptAsync(string script, params string[] arguments) =>
        RunAsync("bash", [Path.Combine(RepositoryPaths.Root, script), .. arguments], Path.GetTempPath());

    private static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child must find nothing from the test host that changes its behaviour (a database to start, an environment).
        start.Environment.Remove("ConnectionStrings__Rotation");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within 2 minutes");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
