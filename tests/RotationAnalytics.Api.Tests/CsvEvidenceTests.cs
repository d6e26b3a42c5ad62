using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using RotationAnalytics.Api.Http;

namespace RotationAnalytics.Api.Tests;

/// <summary>CSV keeps the evidence (SPEC §4): a Link to the same query as JSON, the source batches of each row, exact numbers.</summary>
[Collection(MarketDataCollection.Name)]
public sealed partial class CsvEvidenceTests(MarketDataApi api)
{
    /// <summary>Each tabular query and where its rows are in the JSON.</summary>
    public static TheoryData<string, string> TabularQueries => new()
    {
        { "/streaks?symbol=IWM&benchmark=SPY&minLength=3&pageSize=20", "history.items" },
        { "/relative-performance?symbols=IWM,QQQ&benchmark=SPY&from=2026-01-02&to=2026-01-23", "results" },
        { "/indicators/rsi?symbol=RUT&from=2026-01-02&to=2026-01-23", "series" },
        { "/breadth/sectors?from=2026-01-02&to=2026-01-23", "members" },
        { "/highs?symbol=RUT&from=2026-01-01&to=2026-01-31", "records" },
        { "/instruments/%5EGSPC/bars?from=2026-01-20&to=2026-01-23", "bars" },
    };

    [Theory]
    [MemberData(nameof(TabularQueries))]
    public async Task A_csv_answer_links_to_the_same_query_as_json(string query, string rowsPath)
    {
        _ = rowsPath;
        var byParameter = await api.Client.GetAsync(Url(query + "&format=csv"));
        using var byAccept = new HttpRequestMessage(HttpMethod.Get, Url(query));
        byAccept.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ResponseFormats.CsvMediaType));
        var byAcceptResponse = await api.Client.SendAsync(byAccept);

        byParameter.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var link = byParameter.Headers.GetValues("Link").Single();
        byAcceptResponse.Headers.GetValues("Link").Single().Should().Be(link);
        link.Should().EndWith("; rel=\"alternate\"; type=\"application/json\"");
        var target = link[1..link.IndexOf('>', StringComparison.Ordinal)];
        target.Should().NotContain("format");
        Uri.UnescapeDataString(target).Should().Be(Uri.UnescapeDataString(query));

        var json = await api.Client.GetAsync(Url(target));
        json.StatusCode.Should().Be(HttpStatusCode.OK);
        json.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        json.Headers.ETag!.Tag.Should().Be(byParameter.Headers.ETag!.Tag.Replace("-csv", "-json", StringComparison.Ordinal));
        json.Headers.Contains("Link").Should().BeFalse("only CSV points elsewhere for its evidence");
    }

    [Theory]
    [MemberData(nameof(TabularQueries))]
    public async Task Every_csv_row_names_the_source_batches_it_rests_on(string query, string rowsPath)
    {
        using var json = JsonDocument.Parse(await api.Client.GetStringAsync(Url(query)));
        var lines = (await api.Client.GetStringAsync(Url(query + "&format=csv"))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var root = json.RootElement;
        var rows = rowsPath.Split('.').Aggregate(root, (element, name) => element.GetProperty(name)).EnumerateArray().ToList();
        var sources = root.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToHashSet();

        var header = lines[0].Split(',');
        var column = Array.FindIndex(header, h => h is "sourceIds" or "sourceId");
        column.Should().BeGreaterThanOrEqualTo(0, lines[0]);
        lines.Skip(1).Should().HaveCount(rows.Count).And.NotBeEmpty();
        foreach (var (line, row) in lines.Skip(1).Zip(rows))
        {
            line.Should().NotContain("\"", "these rows need no quoting, so splitting at commas is exact");
            var ids = line.Split(',')[column].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
            ids.Should().NotBeEmpty(line).And.OnlyContain(id => sources.Contains(id), "sourceIds point into the JSON's sources");
            ids.Should().Equal(RowSourceIds(root, row), line);
        }
    }

    [Fact]
    public async Task Csv_numbers_are_plain_decimals_that_parse_back_to_the_json_values()
    {
        const string query = "/streaks?symbol=IWM&benchmark=SPY&pageSize=500&page=";
        var tiny = new List<(string Cell, double Value)>();
        for (var page = 1; page <= 4 && tiny.Count == 0; page++)
        {
            using var json = JsonDocument.Parse(await api.Client.GetStringAsync(Url(query + page)));
            var csv = (await api.Client.GetStringAsync(Url(query + page + "&format=csv"))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var column = Array.IndexOf(csv[0].Split(','), "cumulativeExcessReturn");
            var values = json.RootElement.GetProperty("history").GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("cumulativeExcessReturn").GetDouble());
            tiny.AddRange(csv.Skip(1).Select(l => l.Split(',')[column]).Zip(values).Where(p => p.Second != 0 && Math.Abs(p.Second) < 1E-4));
            csv.SelectMany(l => l.Split(',')).Should().NotContain(cell => Exponent().IsMatch(cell));
        }

        tiny.Should().NotBeEmpty("the shared data has streaks with an excess return below 1E-04, which \"R\" writes with an exponent");
        foreach (var (cell, value) in tiny)
        {
            cell.Should().MatchRegex(@"^-?0\.0000\d+$");
            double.Parse(cell, CultureInfo.InvariantCulture).Should().Be(value);
        }
    }

    [GeneratedRegex(@"\d[eE][+-]?\d")]
    private static partial Regex Exponent();

    private static Uri Url(string url) => new(url, UriKind.Relative);

    /// <summary>A row's own figure group ids (or a bar's single id); rows without their own rest on the whole answer's.</summary>
    private static List<long> RowSourceIds(JsonElement root, JsonElement row) =>
        row.TryGetProperty("sourceIds", out var own) ? own.EnumerateArray().Select(i => i.GetInt64()).ToList()
        : row.TryGetProperty("sourceId", out var single) ? [single.GetInt64()]
        : root.GetProperty("sourceIds").EnumerateArray().Select(i => i.GetInt64()).ToList();
}
