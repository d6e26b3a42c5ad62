using System.Globalization;
using System.Security.Cryptography;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Ingestion.Tests;

/// <summary>Facts about ../shared/data/market computed from the files at test time (never copied into the repo).</summary>
public sealed record MarketDataFile(string Symbol, string Path, int Rows, DateOnly First, DateOnly Last, string Sha256)
{
    public static IReadOnlyList<MarketDataFile> All() =>
        [.. Directory.EnumerateFiles(RepositoryPaths.MarketData, "*.csv").Order(StringComparer.Ordinal).Select(Read)];

    private static MarketDataFile Read(string path)
    {
        var lines = File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).ToList();
        DateOnly DateOf(string line) => DateOnly.ParseExact(line[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new MarketDataFile(
            System.IO.Path.GetFileNameWithoutExtension(path), path, lines.Count, DateOf(lines[0]), DateOf(lines[^1]),
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
    }
}
