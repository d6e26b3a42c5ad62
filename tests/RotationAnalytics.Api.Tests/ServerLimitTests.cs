using System.Net;
using System.Text;
using System.Text.Json;
using RotationAnalytics.Api.Http;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Api.Tests;

/// <summary>
/// Size limits through the real Kestrel server on a loopback port (TestServer parses no request line and enforces no
/// limit): what exceeds them is answered as problem+json, not with Kestrel's bare status.
/// </summary>
public sealed class ServerLimitTests : IAsyncLifetime
{
    private const string ApiKey = "server-limit-test-key";

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("server_limits");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Theclient_talks_to_kestrel_over_loopback()
    {
        await using var api = StartOnKestrel();
        using var client = api.CreateClient();
        client.BaseAddress!.IsLoopback.Should().BeTrue();
        client.BaseAddress.Port.Should().BePositive();
        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_uri_longer_than_the_limit_gets_414_problem_details()
    {
        await using var api = StartOnKestrel();
        using var client = api.CreateClient();
        var url = "/instruments?padding=" + new string('x', RequestSizeLimitMiddleware.MaxTargetLength);

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        await ShouldBeProblemAsync(response, HttpStatusCode.RequestUriTooLong);
    }

    [Fact]
    public async Task Request_headers_larger_than_the_limit_get_431_problem_details()
    {
        await using var api = StartOnKestrel();
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/instruments", UriKind.Relative));
        for (var i = 0; i < 5; i++)
        {
            request.Headers.Add($"X-Padding-{i}", new string('x', RequestSizeLimitMiddleware.MaxHeaderBytes / 4));
        }

        var response = await client.SendAsync(request);

        await ShouldBeProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task A_body_declared_larger_than_the_limit_gets_413_problem_details()
    {
        await using var api = StartOnKestrel();
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/ingestion/runs", UriKind.Relative))
        {
            Content = new StringContent(LargeJsonBody(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", ApiKey);

        var response = await client.SendAsync(request);

        await ShouldBeProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_beyond_the_limit_gets_413_problem_details_when_it_is_read()
    {
        await using var api = StartOnKestrel();
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/ingestion/runs", UriKind.Relative))
        {
            Content = new StringContent(LargeJsonBody(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", ApiKey);
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        await ShouldBeProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("/instruments", 200)]
    [InlineData("/highs?symbol=SPX&as_of=2026-01-02", 400)]
    [InlineData("/no-such-route", 404)]
    public async Task Head_through_kestrel_sends_the_headers_of_get_and_not_a_byte_of_body(string url, int status)
    {
        await using var api = StartOnKestrel();
        using var client = api.CreateClient();
        var get = await client.GetAsync(new Uri(url, UriKind.Relative));

        var (head, body) = await RawExchangeAsync(client.BaseAddress!, $"HEAD {url} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        head.Should().StartWith($"HTTP/1.1 {status} ");
        ((int)get.StatusCode).Should().Be(status);
        body.Should().BeEmpty("HEAD answers without a body");
        head.Should().Contain($"Content-Type: {get.Content.Headers.ContentType}");
        if (status == 200)
        {
            head.Should().Contain($"Content-Length: {(await get.Content.ReadAsByteArrayAsync()).Length}");
            head.Should().Contain($"ETag: {get.Headers.ETag}");
        }
    }

    /// <summary>One request on a raw socket: the status line and headers, and every byte after them until the server closes.</summary>
    private static async Task<(string Head, byte[] Body)> RawExchangeAsync(Uri server, string request)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var received = new MemoryStream();
        await stream.CopyToAsync(received);
        var bytes = received.ToArray();
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        end.Should().BeGreaterThan(0, "the server sends a complete header block");
        return (Encoding.ASCII.GetString(bytes, 0, end), bytes[(end + 4)..]);
    }

    private ApiFactory StartOnKestrel()
    {
        var api = new ApiFactory(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            ["Admin:ApiKey"] = ApiKey,
        });
        api.UseKestrel(0);
        api.StartServer();
        return api;
    }

    /// <summary>A syntactically valid request whose size alone is wrong: a long list of symbols.</summary>
    private static string LargeJsonBody() =>
        JsonSerializer.Serialize(new { symbols = Enumerable.Repeat("SPX", RequestSizeLimitMiddleware.MaxBodyBytes / 4).ToArray() });

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("status").GetInt32().Should().Be((int)status);
        problem.RootElement.GetProperty("detail").GetString().Should().NotBeNullOrEmpty();
    }
}
