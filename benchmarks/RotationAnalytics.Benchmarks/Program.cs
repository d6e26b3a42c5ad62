using BenchmarkDotNet.Running;

// Run all or pick with --filter, e.g. dotnet run -c Release --project benchmarks/RotationAnalytics.Benchmarks -- --filter '*Streak*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
