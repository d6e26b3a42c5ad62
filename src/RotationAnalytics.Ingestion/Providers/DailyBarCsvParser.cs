namespace RotationAnalytics.Ingestion.Providers;

/// <summary>
/// Parses <c>date,open,high,low,close,volume[,adj_close]</c> text (the CSV-folder format and Stooq's download), columns
/// found by header name. Lines before the header are skipped (Stooq sometimes prefixes warnings); a body without the
/// header is not data but an error page or message, and fails.
/// </summary>
internal static class DailyBarCsvParser
{
    public static IReadOnlyList<ReceivedBar> Parse(string text, string source)
    {
        var lines = text.Split('\n');
        var headerIndex = Array.FindIndex(lines, l => l.TrimStart().StartsWith("date,", StringComparison.OrdinalIgnoreCase));
        if (headerIndex < 0)
        {
            var start = text.TrimStart();
            throw new ProviderException($"{source}: no 'date,open,high,low,close' header; body starts with \"{start[..Math.Min(start.Length, 80)]}\"");
        }

        var header = lines[headerIndex].Trim().Split(',');
        var date = Column(header, "date", source);
        var open = Column(header, "open", source);
        var high = Column(header, "high", source);
        var low = Column(header, "low", source);
        var close = Column(header, "close", source);
        var volume = Array.FindIndex(header, h => h.Equals("volume", StringComparison.OrdinalIgnoreCase));
        var adjusted = Array.FindIndex(header, h => h.Equals("adj_close", StringComparison.OrdinalIgnoreCase) || h.Equals("adjclose", StringComparison.OrdinalIgnoreCase));

        var bars = new List<ReceivedBar>(lines.Length - headerIndex);
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            string? Field(int index) => index >= 0 && index < fields.Length ? fields[index] : null;
            bars.Add(new ReceivedBar(
                line,
                ParsedNumber.Date(Field(date)),
                ParsedNumber.Price(Field(open)),
                ParsedNumber.Price(Field(high)),
                ParsedNumber.Price(Field(low)),
                ParsedNumber.Price(Field(close)),
                ParsedNumber.Optional(Field(adjusted)),
                ParsedNumber.Optional(Field(volume))));
        }

        return bars;
    }

    private static int Column(string[] header, string name, string source)
    {
        var index = Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw new ProviderException($"{source}: the header has no '{name}' column");
    }
}
