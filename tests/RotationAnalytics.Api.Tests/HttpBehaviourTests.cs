using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Api.Tests;

/// <summary>Conditional requests, CSV, aliases, CORS and security headers on the shared market data.</summary>
[Collection(MarketDataCollection.Name)]
public sealed class HttpBehaviourTests(MarketDataApi api)
{
    private static Uri Url(string url) => new(url, UriKind.Relative);

    [Fact]
    public async Task A_repeated_request_with_the_etag_gets_304_and_the_etag_is_per_data_version_and_format()
    {
        var first = await api.Client.GetAsync(Url("/streaks?symbol=IWM&benchmark=SPY"));
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var etag = first.Headers.ETag!;
        first.Headers.CacheControl!.Public.Should().BeTrue();
        first.Headers.CacheControl.MaxAge.Should().Be(TimeSpan.FromSeconds(60));
        var version = await api.Database.ScalarAsync<long>("SELECT version FROM data_version");
        etag.Tag.Should().Be($"\"d{version}-json\"");

        using var conditional = new HttpRequestMessage(HttpMethod.Get, Url("/streaks?symbol=IWM&benchmark=SPY"));
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await api.Client.SendAsync(conditional);
        second.StatusCode.Should().Be(HttpStatusCode.NotModified);
        second.Headers.ETag.Should().Be(etag);
        (await second.Content.ReadAsByteArrayAsync()).Should().BeEmpty();

        using var csv = new HttpRequestMessage(HttpMethod.Get, Url("/streaks?symbol=IWM&benchmark=SPY"));
        csv.Headers.IfNoneMatch.Add(etag);
        csv.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csvResponse = await api.Client.SendAsync(csv);
        csvResponse.StatusCode.Should().Be(HttpStatusCode.OK, "the CSV representation has its own ETag");
        csvResponse.Headers.ETag!.Tag.Should().Be($"\"d{version}-csv\"");
    }

    [Theory]
    [InlineData("/streaks?symbol=IWM&benchmark=SPY&pageSize=0", HttpStatusCode.BadRequest)]
    [InlineData("/streaks?symbol=IWM&benchmark=SPY&as_of=2026-01-02", HttpStatusCode.BadRequest)]
    [InlineData("/instruments?format=csv", HttpStatusCode.BadRequest)]
    [InlineData("/streaks?symbol=NOPE&benchmark=SPY", HttpStatusCode.NotFound)]
    [InlineData("/instruments/NOPE/bars", HttpStatusCode.NotFound)]
    public async Task If_none_match_any_does_not_turn_a_failing_request_into_304(string url, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(url));
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);

        var response = await api.Client.SendAsync(request);

        response.StatusCode.Should().Be(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        response.Headers.ETag.Should().BeNull("an error is not a representation of the data version");
    }

    [Fact]
    public async Task Csv_by_format_parameter_or_accept_header_carries_the_json_values()
    {
        var json = JsonDocument.Parse(await api.Client.GetStringAsync(Url("/indicators/rsi?symbol=SPX&from=2026-01-20&to=2026-01-23"))).RootElement;
        var byParameter = await api.Client.GetAsync(Url("/indicators/rsi?symbol=SPX&from=2026-01-20&to=2026-01-23&format=csv"));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/indicators/rsi?symbol=SPX&from=2026-01-20&to=2026-01-23"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var byHeader = await api.Client.SendAsync(request);

        byParameter.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await byParameter.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("date,rsi,zone,sourceIds");
        var sourceIds = string.Join(';', json.GetProperty("sourceIds").EnumerateArray().Select(i => i.GetInt64()));
        lines.Skip(1).Should().Equal(json.GetProperty("series").EnumerateArray().Select(p =>
            $"{p.GetProperty("date").GetString()},{p.GetProperty("rsi").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture)},{p.GetProperty("zone").GetString()},{sourceIds}"));
        (await byHeader.Content.ReadAsStringAsync()).Should().Be(await byParameter.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Head_on_every_read_endpoint_answers_like_get_without_a_body()
    {
        foreach (var path in api.ReadEndpointPaths())
        {
            foreach (var url in new[] { path, path + "?format=json" })
            {
                var get = await api.Client.GetAsync(Url(url));
                using var headRequest = new HttpRequestMessage(HttpMethod.Head, Url(url));
                var head = await api.Client.SendAsync(headRequest);

                head.StatusCode.Should().Be(get.StatusCode, url);
                head.Content.Headers.ContentType.Should().Be(get.Content.Headers.ContentType, url);
                head.Headers.ETag.Should().Be(get.Headers.ETag, url);
                head.Headers.CacheControl.Should().Be(get.Headers.CacheControl, url);
                if (get.StatusCode == HttpStatusCode.OK)
                {
                    // Error bodies of HEAD are dropped by Kestrel (ServerLimitTests); TestServer would pass them on.
                    (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty(url);
                    head.Content.Headers.ContentLength.Should().Be((await get.Content.ReadAsByteArrayAsync()).Length, url);
                }
            }
        }
    }

    [Fact]
    public async Task Head_of_a_csv_answer_has_its_length_and_a_conditional_head_gets_304()
    {
        const string url = "/indicators/rsi?symbol=SPX&from=2026-01-02&to=2026-01-23&format=csv";
        var get = await api.Client.GetAsync(Url(url));
        using var headRequest = new HttpRequestMessage(HttpMethod.Head, Url(url));
        var head = await api.Client.SendAsync(headRequest);
        using var conditional = new HttpRequestMessage(HttpMethod.Head, Url(url));
        conditional.Headers.IfNoneMatch.Add(get.Headers.ETag!);

        head.StatusCode.Should().Be(HttpStatusCode.OK);
        head.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        head.Content.Headers.ContentLength.Should().Be((await get.Content.ReadAsByteArrayAsync()).Length);
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        (await api.Client.SendAsync(conditional)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("text/csv", "text/csv")]
    [InlineData("text/csv;q=0, application/json", "application/json")]
    [InlineData("text/csv;q=0", "application/json")]
    [InlineData("application/json;q=0.5, text/csv;q=0.9", "text/csv")]
    [InlineData("text/csv;q=0.5, application/json;q=0.9", "application/json")]
    [InlineData("text/csv, application/json", "application/json")]
    [InlineData("text/csv, */*", "text/csv")]
    [InlineData("text/*;q=0.8, application/*;q=0.7", "text/csv")]
    [InlineData("text/html, */*;q=0.8", "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("image/png", "application/json")]
    public async Task Accept_q_values_choose_between_json_and_csv(string accept, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/highs?symbol=SPX&from=2026-01-01&to=2026-01-23"));
        request.Headers.TryAddWithoutValidation("Accept", accept).Should().BeTrue();

        var response = await api.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        response.Headers.Vary.Should().Contain("Accept");
    }

    [Theory]
    [InlineData("json", "text/csv", "application/json")]
    [InlineData("csv", "application/json", "text/csv")]
    public async Task The_format_parameter_wins_over_accept(string format, string accept, string mediaType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url($"/highs?symbol=SPX&from=2026-01-01&to=2026-01-23&format={format}"));
        request.Headers.Accept.ParseAdd(accept);

        var response = await api.Client.SendAsync(request);

        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
    }

    [Fact]
    public async Task Accept_text_csv_on_an_endpoint_without_a_tabular_form_gets_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/instruments"));
        request.Headers.Accept.ParseAdd("text/csv");

        var response = await api.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "Accept is a preference; only an explicit format=csv is an error there");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }

    [Theory]
    [InlineData("^GSPC")]
    [InlineData("gspc")]
    [InlineData("spx")]
    [InlineData("^gspc")]
    public async Task Symbol_aliases_resolve_case_insensitively_to_the_canonical_symbol(string alias)
    {
        var json = JsonDocument.Parse(await api.Client.GetStringAsync(Url($"/streaks?symbol=^ixic&benchmark={Uri.EscapeDataString(alias)}&asOf=2026-01-22"))).RootElement;

        json.GetProperty("symbol").GetString().Should().Be("COMP");
        json.GetProperty("benchmark").GetString().Should().Be("SPX");
    }

    [Fact]
    public async Task Instruments_report_full_coverage_of_the_shared_market_data()
    {
        var items = JsonDocument.Parse(await api.Client.GetStringAsync(Url("/instruments"))).RootElement.EnumerateArray()
            .ToDictionary(i => i.GetProperty("symbol").GetString()!, i => i.GetProperty("coverage"));

        foreach (var file in Directory.GetFiles(RepositoryPaths.MarketData, "*.csv"))
        {
            var lines = File.ReadAllLines(file).Skip(1).Where(l => l.Length > 0).ToList();
            var coverage = items[Path.GetFileNameWithoutExtension(file)];
            coverage.GetProperty("barCount").GetInt32().Should().Be(lines.Count, file);
            coverage.GetProperty("firstDate").GetString().Should().Be(lines[0][..10]);
            coverage.GetProperty("lastDate").GetString().Should().Be(lines[^1][..10]);
        }

        items["DJI"].GetProperty("flaggedBars").GetInt32().Should().BeGreaterThanOrEqualTo(1, "DJI 2025-08-12 has its open below its low");
    }

    [Fact]
    public async Task Cors_allows_configured_dashboard_origins_only_and_security_headers_are_set()
    {
        using var allowed = new HttpRequestMessage(HttpMethod.Get, Url("/instruments"));
        allowed.Headers.Add("Origin", "https://dashboard.example");
        using var denied = new HttpRequestMessage(HttpMethod.Get, Url("/instruments"));
        denied.Headers.Add("Origin", "https://evil.example");

        var allowedResponse = await api.Client.SendAsync(allowed);
        var deniedResponse = await api.Client.SendAsync(denied);

        allowedResponse.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://dashboard.example");
        deniedResponse.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
        allowedResponse.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        allowedResponse.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        allowedResponse.Content.Headers.Contains("Content-Security-Policy").Should().BeFalse("CSP is a response header, not a content header");
        allowedResponse.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'");
    }
}
