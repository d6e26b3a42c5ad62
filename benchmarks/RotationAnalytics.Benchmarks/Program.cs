using BenchmarkDotNet.Running;
using RotationAnalytics.Benchmarks;

// Run all or pick with --filter, e.g. dotnet run -c Release --project benchmarks/RotationAnalytics.Benchmarks -- --filter '*Streak*'
// --quick: the Stopwatch cross-check of QuickTimings instead of BenchmarkDotNet.
if (args is ["--quick"])
{
    QuickTimings.Run();
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
