using System.Net;
using System.Text.RegularExpressions;
using RotationAnalytics.Testing;

namespace RotationAnalytics.Api.Tests;

/// <summary>
/// The landing page, the dashboard and their static files over HTTP (the browser tests drive them in Chromium): served
/// whatever the dashboard's query string, under a policy that allows this origin's files only, with no inline script,
/// style or handler that such a policy would block.
/// </summary>
[Collection(MarketDataCollection.Name)]
public sealed partial class DashboardPagesTests(MarketDataApi api)
{
    [Theory]
    [InlineData("/", "/js/landing.js", false)]
    [InlineData("/dashboard", "/js/dashboard.js", true)]
    [InlineData("/dashboard?symbol=RUT&benchmark=SPX&asOf=2026-01-22&compare=COMP,DJI&lang=zh", "/js/dashboard.js", true)]
    [InlineData("/dashboard?as_of=anything&symbol=RUT&symbol=IWM", "/js/dashboard.js", true)]
    [InlineData("/Dashboard/?symbol=RUT", "/js/dashboard.js", true)]
    public async Task A_page_is_html_with_its_module_under_a_same_origin_policy(string path, string script, bool charts)
    {
        var response = await api.Client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the page reads its query string itself; the API's strict parameters do not apply");
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("default-src 'none'").And.Contain("script-src 'self';").And.Contain("style-src 'self';")
            .And.Contain("connect-src 'self';").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe");
        var html = await response.Content.ReadAsStringAsync();
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        scripts[0].Should().Be($"<script type=\"module\" src=\"{script}\">", "the page's requests leave before the chart library runs");
        scripts.Skip(1).Should().Equal(charts ? ["<script defer id=\"chart-library\" src=\"/lib/echarts.dashboard.min.js\">"] : []);
        html.Should().NotContain(" style=").And.NotContain("<style");
        InlineHandler().IsMatch(html).Should().BeFalse("inline event handlers are blocked by script-src 'self'");
        OtherOrigin().IsMatch(html).Should().BeFalse("the pages load nothing from another origin");
    }

    [Fact]
    public async Task The_chart_library_is_the_bundle_built_from_the_npm_package_and_other_routes_stay_problem_details()
    {
        var built = Path.Combine(RepositoryPaths.Root, "src", "RotationAnalytics.Api", "wwwroot", "lib", "echarts.dashboard.min.js");

        var library = await api.Client.GetAsync(new Uri("/lib/echarts.dashboard.min.js", UriKind.Relative));

        library.StatusCode.Should().Be(HttpStatusCode.OK);
        library.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript", "browsers run a script only with a JavaScript type");
        var served = await library.Content.ReadAsStringAsync();
        served.Should().Be(await File.ReadAllTextAsync(built));
        served.Should().StartWith("//# allFunctionsCalledOnLoad\n", "V8 reads its compile hint from the script's first line")
            .And.Contain("Apache ECharts 6.1.0 (Apache-2.0", "the bundle names the library and its licenses");
        foreach (var notice in new[] { "echarts-LICENSE.txt", "echarts-NOTICE.txt", "zrender-LICENSE.txt" })
        {
            (await api.Client.GetAsync(new Uri($"/lib/{notice}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, notice);
        }

        var unknown = await api.Client.GetAsync(new Uri("/dashboard/nope", UriKind.Relative));
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");

        using var head = new HttpRequestMessage(HttpMethod.Head, new Uri("/dashboard", UriKind.Relative));
        var headResponse = await api.Client.SendAsync(head);
        headResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        (await headResponse.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"(src|href)\s*=\s*""(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex OtherOrigin();
}
