using System.Net;
using System.Text.Json;

namespace RotationAnalytics.Api.Tests;

/// <summary>Anything a client can send gets a 4xx ProblemDetails naming what is wrong — never a 500.</summary>
[Collection(MarketDataCollection.Name)]
public sealed class MalformedRequestTests(MarketDataApi api)
{
    public static TheoryData<string, int, string> Requests => new()
    {
        // /streaks
        { "/streaks?benchmark=SPX", 400, "symbol" },
        { "/streaks?symbol=RUT", 400, "benchmark" },
        { "/streaks?symbol=RUT&benchmark=SPX&asOf=2026-13-01", 400, "asOf" },
        { "/streaks?symbol=RUT&benchmark=SPX&asOf=01/23/2026", 400, "asOf" },
        { "/streaks?symbol=RUT&benchmark=SPX&asOf=2999-01-01", 400, "asOf" },
        { "/streaks?symbol=RUT&benchmark=SPX&minLength=0", 400, "minLength" },
        { "/streaks?symbol=RUT&benchmark=SPX&minLength=abc", 400, "minLength" },
        { "/streaks?symbol=RUT&benchmark=SPX&page=0", 400, "page" },
        { "/streaks?symbol=RUT&benchmark=SPX&pageSize=501", 400, "pageSize" },
        { "/streaks?symbol=RUT&benchmark=SPX&pageSize=-1", 400, "pageSize" },
        { "/streaks?symbol=RUT&benchmark=SPX&format=xml", 400, "format" },
        { "/streaks?symbol=R%20UT!&benchmark=SPX", 400, "symbol" },
        { "/streaks?symbol=NOPE&benchmark=SPX", 404, "symbol" },
        { "/streaks?symbol=RUT&benchmark=NOPE", 404, "benchmark" },
        { "/streaks?symbol=RUT&benchmark=^RUT", 400, "benchmark" },
        { "/streaks?symbol=RUT&benchmark=SPX&asOf=1987-09-10", 422, "asOf" },
        { "/streaks?symbol=RUT&benchmark=SPX&asOf=1900-01-01", 422, "asOf" },
        // /relative-performance
        { "/relative-performance?benchmark=SPY", 400, "symbols" },
        { "/relative-performance?symbols=IWM", 400, "benchmark" },
        { "/relative-performance?symbols=IWM&benchmark=SPY&from=2026-02-01&to=2026-01-01", 400, "from" },
        { "/relative-performance?symbols=IWM&benchmark=SPY&basis=vwap", 400, "basis" },
        { "/relative-performance?symbols=IWM&benchmark=SPY&rsLine=maybe", 400, "rsLine" },
        { "/relative-performance?symbols=A,B,C,D,E,F,G,H,I,J,K,L,M,N,O,P,Q,R,S,T,U,V,W,X,Y,Z&benchmark=SPY", 400, "symbols" },
        { "/relative-performance?symbols=IWM,NOPE&benchmark=SPY", 404, "symbols" },
        { "/relative-performance?symbols=IWM&benchmark=SPY&from=2026-01-03&to=2026-01-04", 422, "from" },
        { "/relative-performance?symbols=IWM&benchmark=SPY&to=1990-01-02", 422, "symbols" },
        { "/relative-performance?symbols=IWM&benchmark=SPY&from=2026-11-30", 400, "from" }, // after the latest common date
        // /indicators/rsi
        { "/indicators/rsi", 400, "symbol" },
        { "/indicators/rsi?symbol=SPX&period=1", 400, "period" },
        { "/indicators/rsi?symbol=SPX&period=251", 400, "period" },
        { "/indicators/rsi?symbol=SPX&period=1e3", 400, "period" },
        { "/indicators/rsi?symbol=SPX&overbought=101", 400, "overbought" },
        { "/indicators/rsi?symbol=SPX&oversold=80", 400, "oversold" },
        { "/indicators/rsi?symbol=SPX&oversold=NaN", 400, "oversold" },
        { "/indicators/rsi?symbol=SPX&from=2026-1-5", 400, "from" },
        { "/indicators/rsi?symbol=XLC&period=200&to=2018-08-01", 422, "period" },
        { "/indicators/rsi?symbol=NOPE", 404, "symbol" },
        // /breadth/sectors
        { "/breadth/sectors?date=2026-01-23&from=2026-01-02", 400, "date" },
        { "/breadth/sectors?date=yesterday", 400, "date" },
        { "/breadth/sectors?group=no%20such", 400, "group" },
        { "/breadth/sectors?group=nosuchgroup", 404, "group" },
        { "/breadth/sectors?from=2026-02-01&to=2026-01-01", 400, "from" },
        { "/breadth/sectors?to=1990-01-02", 422, "group" },
        // /highs
        { "/highs", 400, "symbol" },
        { "/highs?symbol=SPX&to=2026-02-30", 400, "to" },
        { "/highs?symbol=SPX&from=2026-03-01&to=2026-01-01", 400, "from" },
        { "/highs?symbol=NOPE", 404, "symbol" },
        { "/highs?symbol=XLC&to=2010-01-01", 422, "to" },
        // /rotation
        { "/rotation?tail=0", 400, "tail" },
        { "/rotation?ratioWindow=5", 400, "ratioWindow" },
        { "/rotation?momentumWindow=500", 400, "momentumWindow" },
        { "/rotation?benchmark=NOPE", 404, "benchmark" },
        { "/rotation?symbols=XLB,NOPE", 404, "symbols" },
        { "/rotation?asOf=2018-07-01&symbols=XLC", 422, "asOf" },
        { "/rotation?format=csv", 400, "format" },
        { "/rotation?interval=month", 400, "interval" },
        { "/rotation?momentumLag=0", 400, "momentumLag" },
        { "/rotation?momentumLag=53", 400, "momentumLag" },
        { "/rotation?interval=day&asOf=2018-07-01&symbols=XLC", 422, "asOf" },
        // /performance
        { "/performance", 400, "symbols" },
        { "/performance?symbols=XLK&group=us-sectors", 400, "group" },
        { "/performance?group=no%20such", 400, "group" },
        { "/performance?symbols=XLK&horizons=1M,2M", 400, "horizons" },
        { "/performance?symbols=XLK&horizons=1M,1m", 400, "horizons" },
        { "/performance?symbols=XLK&horizons=1M,,YTD", 400, "horizons" },
        { "/performance?symbols=XLK&returnType=dividends", 400, "returnType" },
        { "/performance?symbols=XLK&asOf=2026-02-30", 400, "asOf" },
        { "/performance?symbols=XLK&format=xml", 400, "format" },
        { "/performance?symbols=XLK,NOPE", 404, "symbols" },
        { "/performance?symbols=XLK&benchmark=NOPE", 404, "benchmark" },
        { "/performance?group=nosuchgroup", 404, "group" },
        { "/performance?symbols=XLK,XLU&returnType=total", 422, "returnType" },
        { "/performance?symbols=XLC&asOf=2010-01-04", 422, "asOf" },
        { "/performance?symbols=XLK&benchmark=XLC&asOf=2010-01-04", 422, "benchmark" },
        // /streaks/aftermath
        { "/streaks/aftermath?benchmark=SPX", 400, "symbol" },
        { "/streaks/aftermath?symbol=RUT", 400, "benchmark" },
        { "/streaks/aftermath?symbol=RUT&benchmark=SPX&direction=sideways", 400, "direction" },
        { "/streaks/aftermath?symbol=RUT&benchmark=SPX&minLength=0", 400, "minLength" },
        { "/streaks/aftermath?symbol=RUT&benchmark=SPX&horizons=0", 400, "horizons" },
        { "/streaks/aftermath?symbol=RUT&benchmark=SPX&horizons=2521", 400, "horizons" },
        { "/streaks/aftermath?symbol=RUT&benchmark=SPX&horizons=1,2,3,4,5,6,7,8,9,10,11", 400, "horizons" },
        { "/streaks/aftermath?symbol=RUT&benchmark=SPX&horizons=5,5", 400, "horizons" },
        { "/streaks/aftermath?symbol=RUT&benchmark=SPX&horizons=5,x", 400, "horizons" },
        { "/streaks/aftermath?symbol=RUT&benchmark=SPX&page=0", 400, "page" },
        { "/streaks/aftermath?symbol=RUT&benchmark=SPX&pageSize=501", 400, "pageSize" },
        { "/streaks/aftermath?symbol=NOPE&benchmark=SPX", 404, "symbol" },
        { "/streaks/aftermath?symbol=RUT&benchmark=NOPE", 404, "benchmark" },
        { "/streaks/aftermath?symbol=RUT&benchmark=^rut", 400, "benchmark" },
        { "/streaks/aftermath?symbol=RUT&benchmark=SPX&asOf=1987-09-10", 422, "asOf" },
        // /correlation
        { "/correlation?benchmark=SPY", 400, "symbols" },
        { "/correlation?symbols=IWM", 400, "benchmark" },
        { "/correlation?symbols=IWM&benchmark=SPY&window=4", 400, "window" },
        { "/correlation?symbols=IWM&benchmark=SPY&window=757", 400, "window" },
        { "/correlation?symbols=IWM&benchmark=SPY&from=2025-12-31&to=2025-01-01", 400, "from" },
        { "/correlation?symbols=IWM&benchmark=SPY&format=xml", 400, "format" },
        { "/correlation?symbols=IWM,NOPE&benchmark=SPY", 404, "symbols" },
        { "/correlation?symbols=IWM&benchmark=NOPE", 404, "benchmark" },
        { "/correlation?symbols=IWM&benchmark=SPY&from=2026-01-03&to=2026-01-04", 422, "from" },
        { "/correlation?symbols=IWM&benchmark=SPY&from=2026-11-30", 400, "from" },
        { "/correlation?symbols=XLC&benchmark=SPY&to=2010-01-04", 422, "to" },
        // /instruments/{symbol}/bars
        { "/instruments/NOPE/bars", 404, "symbol" },
        { "/instruments/SPX/bars?from=20260101", 400, "from" },
        { "/instruments/SPX/bars?from=2026-02-01&to=2026-01-01", 400, "from" },
        { "/instruments/SPX/bars?format=pdf", 400, "format" },
        // strict parameters: unknown, repeated, a route value given as query, a format the endpoint does not have
        { "/streaks?symbol=RUT&benchmark=SPX&as_of=2026-01-02", 400, "as_of" },
        { "/relative-performance?symbols=IWM&benchmark=SPY&foo=1", 400, "foo" },
        { "/streaks?symbol=RUT&symbol=IWM&benchmark=SPX", 400, "symbol" },
        { "/streaks?symbol=RUT&SYMBOL=IWM&benchmark=SPX", 400, "symbol" },
        { "/relative-performance?symbols=IWM&symbols=QQQ&benchmark=SPY", 400, "symbols" },
        { "/rotation?format=json&format=json", 400, "format" },
        { "/instruments/SPX/bars?symbol=SPX", 400, "symbol" },
        { "/instruments?foo", 400, "foo" },
        { "/instruments?format=csv", 400, "format" },
        { "/instruments?format=xml", 400, "format" },
        { "/highs?symbol=NOPE&as_of=2026-01-02", 400, "as_of" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_malformed_request_gets_problem_details_naming_the_parameter(string url, int status, string parameter)
    {
        var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));

        ((int)response.StatusCode).Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().Should().Be(status);
        if (status == (int)HttpStatusCode.BadRequest)
        {
            problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(parameter);
        }
        else
        {
            problem.RootElement.GetProperty("parameter").GetString().Should().Be(parameter);
        }

        problem.RootElement.GetRawText().Should().NotContain("   at ", "no stack trace leaves the service");
    }
}
