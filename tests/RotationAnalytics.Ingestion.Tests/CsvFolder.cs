namespace RotationAnalytics.Ingestion.Tests;

/// <summary>A temporary folder of SYMBOL.csv files written by a test (its own small data, not the shared files).</summary>
public sealed class CsvFolder : IDisposable
{
    public const string Header = "date,open,high,low,close,volume";

    public string Path { get; } = Directory.CreateTempSubdirectory("ra-csv-").FullName;

    public CsvFolder Write(string symbol, params string[] rows)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, symbol + ".csv"), string.Join('\n', [Header, .. rows]) + "\n");
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
