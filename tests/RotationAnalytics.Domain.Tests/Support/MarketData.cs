using System.Collections.Concurrent;
using System.Globalization;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Tests.Support;

/// <summary>
/// Reads the real market data from ../shared/data/market (relative to the repository root, found by walking up
/// to RotationAnalytics.sln) at test time; the data is never copied into the repository.
/// </summary>
public static class MarketData
{
    private static readonly ConcurrentDictionary<string, PriceBar[]> Cache = new(StringComparer.Ordinal);

    public static string Directory { get; } = Path.Combine(FindRepositoryRoot(), "..", "shared", "data", "market");

    public static PriceBar[] Load(string symbol) => Cache.GetOrAdd(symbol, static s => Read(Path.Combine(Directory, s + ".csv")));

    public static PriceBar[] Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var bars = new PriceBar[lines.Length - 1];
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            bars[i - 1] = new PriceBar(
                DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                double.Parse(fields[1], CultureInfo.InvariantCulture),
                double.Parse(fields[2], CultureInfo.InvariantCulture),
                double.Parse(fields[3], CultureInfo.InvariantCulture),
                double.Parse(fields[4], CultureInfo.InvariantCulture));
        }

        return bars;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RotationAnalytics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RotationAnalytics.sln not found above " + AppContext.BaseDirectory);
    }
}
