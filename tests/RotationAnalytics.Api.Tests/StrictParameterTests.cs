using System.Net;
using System.Text.Json;

namespace RotationAnalytics.Api.Tests;

/// <summary>
/// Strict query parameters on every read endpoint, found from the routing table so a new controller is covered
/// without listing it here (the per-endpoint cases are in <see cref="MalformedRequestTests"/>).
/// </summary>
[Collection(MarketDataCollection.Name)]
public sealed class StrictParameterTests(MarketDataApi api)
{
    [Fact]
    public async Task Every_read_endpoint_rejects_an_unknown_parameter_and_a_repeated_one_by_name()
    {
        var paths = api.ReadEndpointPaths();
        paths.Should().Contain(["/instruments", "/streaks", "/instruments/SPX/bars"]);

        foreach (var path in paths)
        {
            var unknown = await ProblemAsync($"{path}?as_of=2026-01-02");
            unknown.Status.Should().Be(HttpStatusCode.BadRequest, path);
            unknown.Errors.Should().ContainKey("as_of", path);

            var repeated = await ProblemAsync($"{path}?format=json&format=json");
            repeated.Status.Should().Be(HttpStatusCode.BadRequest, path);
            repeated.Errors.Should().ContainKey("format", path);
        }
    }

    [Fact]
    public async Task An_unknown_parameter_is_named_with_the_parameters_the_endpoint_takes()
    {
        var problem = await ProblemAsync("/streaks?symbol=RUT&benchmark=SPX&as_of=2026-01-02&foo=1");

        problem.Status.Should().Be(HttpStatusCode.BadRequest);
        problem.Errors.Keys.Should().BeEquivalentTo("as_of", "foo");
        problem.Errors["as_of"].Should().Contain("asOf").And.Contain("minLength").And.Contain("format");
    }

    [Fact]
    public async Task Parameter_names_match_case_insensitively_as_model_binding_does()
    {
        var response = await api.Client.GetAsync(new Uri("/streaks?Symbol=RUT&BENCHMARK=SPX&asof=2026-01-22", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_symbol_repeated_within_one_list_is_answered_once()
    {
        using var json = JsonDocument.Parse(await api.Client.GetStringAsync(
            new Uri("/relative-performance?symbols=IWM,iwm,QQQ,IWM&benchmark=SPY&from=2026-01-02&to=2026-01-23", UriKind.Relative)));

        json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("symbol").GetString())
            .Should().Equal("IWM", "QQQ");
    }

    private async Task<(HttpStatusCode Status, Dictionary<string, string> Errors)> ProblemAsync(string url)
    {
        var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            return (response.StatusCode, []);
        }

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(body);
        return (response.StatusCode, problem.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => string.Join(" ", e.Value.EnumerateArray().Select(m => m.GetString()))));
    }
}
