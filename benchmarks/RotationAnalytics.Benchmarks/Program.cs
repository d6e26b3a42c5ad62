using BenchmarkDotNet.Running;
using RotationAnalytics.Benchmarks;

// Run all or pick with --filter, e.g. dotnet run -c Release --project benchmarks/RotationAnalytics.Benchmarks -- --filter '*Streak*'
// --quick: the Stopwatch cross-check of QuickTimings instead of BenchmarkDotNet; --quick-wave2: the same for issue 9's entry points.
if (args is ["--quick"])
{
    QuickTimings.Run();
}
else if (args is ["--quick-wave2"])
{
    QuickTimings.RunWave2();
}
else
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
