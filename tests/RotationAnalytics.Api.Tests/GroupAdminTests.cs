using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Api.Tests;

/// <summary>
/// Groups edited through the admin API and used by breadth, performance and rotation, and an added instrument, seen by
/// a second API process without a restart (the data-version notification). Two hosts on one database loaded with a few
/// of the real CSV files.
/// </summary>
public sealed class GroupAdminTests : IAsyncLifetime
{
    private const string Key = "admin-secret-group";
    private static readonly string[] Symbols = ["IWM", "SPY", "XLE", "XLK", "XLU"];

    private readonly string _csv = Directory.CreateTempSubdirectory("rotation-groups-").FullName;
    private TestDatabase _database = null!;
    private ApiFactory Writer { get; set; } = null!;

    private ApiFactory Reader { get; set; } = null!;

    private HttpClient Client { get; set; } = null!;

    private HttpClient ReaderClient { get; set; } = null!;

    public async Task InitializeAsync()
    {
        foreach (var symbol in Symbols)
        {
            File.Copy(Path.Combine(RepositoryPaths.MarketData, symbol + ".csv"), Path.Combine(_csv, symbol + ".csv"));
        }

        _database = await TestDatabase.CreateAsync("groups");
        Writer = Host(_csv, pollSeconds: 5);
        Client = Writer.CreateClient();
        // The reader never polls during the test: only the notification can bring it a change.
        Reader = Host(csvDirectory: null, pollSeconds: 600);
        ReaderClient = Reader.CreateClient();
    }

    public async Task DisposeAsync()
    {
        ReaderClient.Dispose();
        Client.Dispose();
        await Reader.DisposeAsync();
        await Writer.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_csv, recursive: true);
    }

    [Fact]
    public async Task A_group_is_created_used_by_breadth_performance_and_rotation_changed_with_a_new_etag_and_deleted()
    {
        var builtIn = await JsonAsync(await Client.GetAsync(new Uri("/groups", UriKind.Relative)));
        builtIn.EnumerateArray().Select(g => g.GetProperty("name").GetString()).Should().Equal("broad-etfs", "large-caps", "small-caps", "us-indexes", "us-sectors");
        builtIn[4].GetProperty("members").EnumerateArray().Select(m => m.GetString()).Should().Equal(
            "XLB", "XLC", "XLE", "XLF", "XLI", "XLK", "XLP", "XLRE", "XLU", "XLV", "XLY");

        var created = await SendAsync(HttpMethod.Put, "/admin/groups/My-Small-Caps", new { members = (List<string>)["xlk", "IWM", "XLU", "iwm"] });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.Location!.OriginalString.Should().Be("/groups/my-small-caps");
        (await JsonAsync(created)).GetRawText().Should().Be("""{"name":"my-small-caps","members":["IWM","XLK","XLU"]}""");

        var group = await WaitForAsync(Client, "/groups/my-small-caps", json => json.GetProperty("members").GetArrayLength() == 3);
        var etag = group.Response.Headers.ETag!;
        var lastDate = File.ReadLines(Path.Combine(_csv, "XLK.csv")).Last()[..10];
        var breadth = await JsonAsync(await Client.GetAsync(new Uri($"/breadth/sectors?group=my-small-caps&date={lastDate}", UriKind.Relative)));
        breadth.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("symbol").GetString()).Should().BeEquivalentTo("IWM", "XLK", "XLU");
        var performance = await JsonAsync(await Client.GetAsync(new Uri("/performance?group=MY-SMALL-CAPS&benchmark=SPY&horizons=1M", UriKind.Relative)));
        performance.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("symbol").GetString()).Should().Equal("IWM", "XLK", "XLU");
        var rotation = await JsonAsync(await Client.GetAsync(new Uri("/rotation?group=my-small-caps&benchmark=SPY", UriKind.Relative)));
        rotation.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("symbol").GetString()).Should().Equal("IWM", "XLK", "XLU");
        (await Client.GetAsync(new Uri("/rotation?group=my-small-caps&symbols=XLK", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var unknown = await SendAsync(HttpMethod.Put, "/admin/groups/my-small-caps", new { members = (List<string>)["IWM", "NOPE", "ALSONOPE"] });
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await JsonAsync(unknown)).GetProperty("errors").GetProperty("members")[0].GetString().Should().Be("unknown instruments: NOPE, ALSONOPE");

        var replaced = await SendAsync(HttpMethod.Put, "/admin/groups/my-small-caps", new { members = (List<string>)["IWM", "XLE"] });
        replaced.StatusCode.Should().Be(HttpStatusCode.OK);
        var changed = await WaitForAsync(Client, "/groups/my-small-caps", json => json.GetProperty("members").GetArrayLength() == 2);
        changed.Json.GetProperty("members").EnumerateArray().Select(m => m.GetString()).Should().Equal("IWM", "XLE");
        changed.Response.Headers.ETag.Should().NotBe(etag, "every group change moves the data version");
        using (var stale = new HttpRequestMessage(HttpMethod.Get, new Uri("/groups/my-small-caps", UriKind.Relative)))
        {
            stale.Headers.IfNoneMatch.Add(etag);
            (await Client.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var version = await _database.ScalarAsync<long>("SELECT version FROM data_version");
        (await SendAsync(HttpMethod.Put, "/admin/groups/my-small-caps", new { members = (List<string>)["XLE", "IWM"] })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _database.ScalarAsync<long>("SELECT version FROM data_version")).Should().Be(version, "the same member list is no change");
        (await WaitForAsync(ReaderClient, "/groups/my-small-caps", json => json.GetProperty("members").GetArrayLength() == 2)).Json
            .GetProperty("members").EnumerateArray().Select(m => m.GetString()).Should().Equal("IWM", "XLE");

        (await SendAsync(HttpMethod.Delete, "/admin/groups/my-small-caps")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await Client.GetAsync(new Uri("/groups/my-small-caps", UriKind.Relative))).StatusCode == HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        (await Client.GetAsync(new Uri("/groups/my-small-caps", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.GetAsync(new Uri($"/breadth/sectors?group=my-small-caps&date={lastDate}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Client.GetAsync(new Uri("/performance?group=my-small-caps&benchmark=SPY", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await SendAsync(HttpMethod.Delete, "/admin/groups/my-small-caps")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_instrument_added_through_one_host_is_listed_by_a_second_host_without_a_restart()
    {
        var before = await JsonAsync(await ReaderClient.GetAsync(new Uri("/instruments", UriKind.Relative)));
        before.EnumerateArray().Select(i => i.GetProperty("symbol").GetString()).Should().NotContain("RF");

        var added = await SendAsync(HttpMethod.Post, "/admin/instruments", new
        {
            symbol = "RF", name = "Regions Financial", kind = "stock", currency = "USD", sector = "Financials",
            providerSymbols = new Dictionary<string, string?> { ["stooq"] = null, ["polygon"] = "RF" },
        });
        added.StatusCode.Should().Be(HttpStatusCode.Created);
        (await JsonAsync(added)).GetProperty("providerSymbols").GetRawText().Should().Be("""{"alphavantage":"RF","polygon":"RF","tiingo":"rf","yahoo":"RF"}""");

        var after = await WaitForAsync(ReaderClient, "/instruments", json => json.EnumerateArray().Any(i => i.GetProperty("symbol").GetString() == "RF"));
        var rf = after.Json.EnumerateArray().Single(i => i.GetProperty("symbol").GetString() == "RF");
        (rf.GetProperty("name").GetString(), rf.GetProperty("sector").GetString(), rf.GetProperty("retired").GetBoolean()).Should().Be(("Regions Financial", "Financials", false));
        rf.GetProperty("coverage").GetProperty("barCount").GetInt32().Should().Be(0);
        (await ReaderClient.GetAsync(new Uri("/instruments/RF/bars", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "known, no bars yet");
    }

    private ApiFactory Host(string? csvDirectory, int pollSeconds) => new(_database.ConnectionString, new Dictionary<string, string?>
    {
        ["Admin:ApiKey"] = Key,
        ["Ingestion:CsvDirectory"] = csvDirectory,
        ["RateLimiting:Enabled"] = "false",
        ["Snapshot:PollIntervalSeconds"] = pollSeconds.ToString(CultureInfo.InvariantCulture),
        // The backfill of an added instrument goes to a closed local port: refused at once, never the internet.
        ["Ingestion:ProviderOrder:0"] = "yahoo",
        ["Ingestion:Providers:Yahoo:BaseUrl"] = "http://127.0.0.1:9/",
        ["Ingestion:Providers:Yahoo:MaxRetryAttempts"] = "0",
    });

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Api-Key", Key);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>GETs until a 200 whose JSON satisfies <paramref name="accept"/>, at most 10 s.</summary>
    private static async Task<(HttpResponseMessage Response, JsonElement Json)> WaitForAsync(HttpClient client, string path, Func<JsonElement, bool> accept)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var json = await JsonAsync(response);
            if ((response.StatusCode == HttpStatusCode.OK && accept(json)) || DateTime.UtcNow > deadline)
            {
                response.StatusCode.Should().Be(HttpStatusCode.OK, path);
                return (response, json);
            }

            await Task.Delay(50);
        }
    }
}
