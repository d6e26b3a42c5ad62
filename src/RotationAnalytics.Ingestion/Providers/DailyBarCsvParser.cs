using RotationAnalytics.Infrastructure.Entities;

namespace RotationAnalytics.Ingestion.Providers;

/// <summary>The rows of a CSV body, its corporate actions, and whether it has a dividend column (and so reports them).</summary>
internal sealed record ParsedCsv(IReadOnlyList<ReceivedBar> Bars, IReadOnlyList<ReceivedCorporateAction> CorporateActions, bool CorporateActionsReported);

/// <summary>
/// Parses <c>date,open,high,low,close,volume[,adj_close][,dividend][,split]</c> text (the CSV-folder format and Stooq's
/// download), columns found by header name. Lines before the header are skipped (Stooq sometimes prefixes warnings); a
/// body without the header is not data but an error page or message, and fails. <c>dividend</c> is the cash amount going
/// ex that day (empty or 0: none); <c>split</c> the ratio as a number or <c>new:old</c> (empty, 0 or 1: none, as
/// yfinance writes it).
/// </summary>
internal static class DailyBarCsvParser
{
    public static ParsedCsv Parse(string text, string source)
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
        var dividendColumn = Array.FindIndex(header, h => h.Equals("dividend", StringComparison.OrdinalIgnoreCase) || h.Equals("dividends", StringComparison.OrdinalIgnoreCase));
        var splitColumn = Array.FindIndex(header, h => h.Equals("split", StringComparison.OrdinalIgnoreCase) || h.Equals("splits", StringComparison.OrdinalIgnoreCase));
        var actions = new List<ReceivedCorporateAction>();

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
            var day = ParsedNumber.Date(Field(date));
            if (ParsedNumber.Optional(Field(dividendColumn)) is { } dividend && dividend != 0)
            {
                actions.Add(new ReceivedCorporateAction(line, CorporateActionKind.Dividend, day, dividend));
            }

            if (SplitRatio(Field(splitColumn)) is { } split && split != 0 && split != 1)
            {
                actions.Add(new ReceivedCorporateAction(line, CorporateActionKind.Split, day, split));
            }

            bars.Add(new ReceivedBar(
                line,
                day,
                ParsedNumber.Price(Field(open)),
                ParsedNumber.Price(Field(high)),
                ParsedNumber.Price(Field(low)),
                ParsedNumber.Price(Field(close)),
                ParsedNumber.Optional(Field(adjusted)),
                ParsedNumber.Optional(Field(volume))));
        }

        return new ParsedCsv(bars, actions, dividendColumn >= 0);
    }

    private static double? SplitRatio(string? text)
    {
        var parts = text?.Split(':', '/');
        return parts is [var numerator, var denominator]
            ? ParsedNumber.Price(numerator) / ParsedNumber.Price(denominator)
            : ParsedNumber.Optional(text);
    }

    private static int Column(string[] header, string name, string source)
    {
        var index = Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw new ProviderException($"{source}: the header has no '{name}' column");
    }
}
