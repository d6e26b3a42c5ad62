using System.Security.Cryptography;
using RotationAnalytics.Infrastructure.BarWriting;
using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Ingestion.Providers;

/// <summary>
/// A folder of <c>SYMBOL.csv</c> files (<c>date,open,high,low,close,volume[,adj_close][,dividend][,split]</c>), one per
/// canonical symbol.
/// Each file is read whole (the request's date range does not apply): re-reading is idempotent, and a corrected file
/// is picked up entirely as revisions.
/// </summary>
public sealed class CsvDirectoryDailyBarProvider(string directory, IReadOnlySet<string> adjustedSymbols, TimeProvider time) : IDailyBarProvider
{
    public const string ProviderId = "csv";

    public string Id => ProviderId;

    public string? UnavailableReason => System.IO.Directory.Exists(Directory) ? null : $"CSV folder {Directory} does not exist";

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Upper-case symbols of the <c>*.csv</c> files in the folder, sorted.</summary>
    public IReadOnlyList<string> FileSymbols() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.csv")
            .Select(f => Path.GetFileNameWithoutExtension(f).ToUpperInvariant())
            .Order(StringComparer.Ordinal)];

    public string? ResolveSymbol(InstrumentInfo instrument) =>
        File.Exists(PathOf(instrument.Symbol)) ? instrument.Symbol : null;

    public async Task<ProviderResponse> FetchAsync(BarRequest request, CancellationToken cancellationToken)
    {
        var path = PathOf(request.ProviderSymbol);
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (IOException e)
        {
            throw new ProviderException($"{path}: {e.Message}", e);
        }

        var adjusted = adjustedSymbols.Contains(request.Instrument.Symbol);
        var parsed = DailyBarCsvParser.Parse(System.Text.Encoding.UTF8.GetString(content), path);
        return new ProviderResponse
        {
            Provenance = new SourceProvenance(
                new Uri(path).AbsoluteUri,
                time.GetUtcNow(),
                Convert.ToHexStringLower(SHA256.HashData(content)),
                adjusted ? PriceKind.Adjusted : PriceKind.Raw,
                $"CSV file {Path.GetFileName(path)} ({(adjusted ? "dividend-adjusted" : "raw")} prices as configured)",
                CorporateActionsReported: parsed.CorporateActionsReported),
            Bars = parsed.Bars,
            CorporateActions = parsed.CorporateActions,
        };
    }

    private string PathOf(string symbol)
    {
        // File names may be any case; the canonical symbol is upper case.
        var exact = Path.Combine(Directory, symbol + ".csv");
        return File.Exists(exact)
            ? exact
            : System.IO.Directory.EnumerateFiles(Directory, "*.csv")
                .FirstOrDefault(f => Path.GetFileNameWithoutExtension(f).Equals(symbol, StringComparison.OrdinalIgnoreCase)) ?? exact;
    }
}
