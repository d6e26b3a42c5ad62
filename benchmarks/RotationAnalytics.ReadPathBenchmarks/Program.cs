using RotationAnalytics.ReadPathBenchmarks;

// Read-path benchmarks (issue 8). Both print Markdown for docs/performance.md.
//   query-mix BASE_URL [REQUESTS] [SEED]        random never-repeated queries interleaved with repeats, one keep-alive connection
//   snapshot  CONNECTION_STRING [REPEAT]        full snapshot loads of an existing database, beside a raw COPY of the same rows
//   scale     SERVER_CONNECTION [INSTRUMENTS] [BARS]   a synthetic store (default 2,000 × 5,000 bars) built, then loaded in full
//   brief     CONNECTION_STRING [COUNT]    uncached rotation briefs computed from a loaded snapshot in process (no HTTP)
return args switch
{
    ["query-mix", var baseUrl, ..] => await QueryMix.RunAsync(
        new Uri(baseUrl), args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2000,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20261202),
    ["snapshot", var connection, ..] => await SnapshotLoad.RunAsync(
        connection, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5),
    ["scale", var server, ..] => await SnapshotLoad.ScaleAsync(
        server,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2_000,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 5_000),
    ["brief", var connection, ..] => await BriefTiming.RunAsync(
        connection, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2000),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: query-mix BASE_URL [REQUESTS] [SEED] | snapshot CONNECTION_STRING [REPEAT] | scale SERVER_CONNECTION [INSTRUMENTS] [BARS] | brief CONNECTION_STRING [COUNT]");
    return 2;
}
