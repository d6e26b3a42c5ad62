using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RotationAnalytics.Api.Tests;

/// <summary>
/// The rotation brief (issue 10) on the real shared market data. The founding figures are asserted three ways: as
/// literals computed independently with pandas 1.5.3 (/usr/bin/python3, run once by hand, output pasted below), against
/// the values the cited endpoints return, and — for every claim of every brief here — by fetching each query the claim
/// cites and finding each figure of its sentence in that answer.
/// <code>
/// import pandas as pd
/// load = lambda s: pd.read_csv(f'../shared/data/market/{s}.csv', parse_dates=['date']).set_index('date')
/// rut, spx, comp = load('RUT'), load('SPX'), load('COMP')
/// def window(a, b, frm, to, basis):   # inner join, base = last close before frm (close) or open of the first day (open)
///     j = a[['open','close']].join(b[['open','close']], lsuffix='_a', rsuffix='_b', how='inner'); j = j[j.index &lt;= to]
///     w = j[j.index >= frm]
///     ba, bb = (j[j.index &lt; frm].iloc[-1][['close_a','close_b']] if basis == 'close' else w.iloc[0][['open_a','open_b']])
///     return w.iloc[-1].close_a / ba - 1, w.iloc[-1].close_b / bb - 1
/// # close RUT (0.09543456450878574, 0.009911620772770524), mean daily excess 0.0058316027316948306, 14 of 14 days
/// # open  RUT (0.09107800723968817, 0.005123500496502675); close COMP 0.008348252451704896; open COMP -0.0019364188558733675
/// # sectors 2026-01-22 (close / previous close − 1): XLC 0.01413 XLY 0.01005 XLK 0.00744 … XLI -0.00517 XLU -0.00721 XLRE -0.00987
/// # sectors 2026-01-02..2026-01-22: leader XLE 0.0939387161708789, laggard XLF -0.01752784371006022
/// # aftermath: the one earlier run ≥ 14 (1996-04-16..1996-05-07); 21 common dates later RUT 0.04492854249840872,
/// #   SPX 0.054476232256447155; 63 later RUT -0.05890181102817804, SPX 0.03779024222103855
/// # exact ties (rA == rB) of RUT vs DIA on common dates: [2013-05-24]
/// </code>
/// The streak (14, 13 a session earlier, rank 2, longest since 1996-04-16..05-07), RSI 71.48, 8 record closes and the
/// all-time high 2718.77 are the pandas figures of <see cref="EndpointValueTests"/>.
/// </summary>
[Collection(MarketDataCollection.Name)]
public sealed partial class BriefTests(MarketDataApi api)
{
    private const string FoundingQuery = "/briefs/rotation?symbol=RUT&benchmark=SPX&asOf=2026-01-22&compare=COMP";

    [Theory]
    [InlineData("en", new[]
    {
        "14 consecutive sessions", "began on January 2, 2026", "on January 21, 2026, the run stood at 13 sessions", "ranks No. 2",
        "16-session run from April 16, 1996 to May 7, 1996", "RUT returned +9.54% against +0.99% for SPX",
        "RUT returned +9.11% against +0.51% for SPX", "+0.83% on the close basis and −0.19% on the open basis", "+58.3 bp a day",
        "8 record closes", "2,718.77 on January 22, 2026", "71.48 on January 22, 2026: overbought",
        "Communication Services (XLC) +1.41%", "Real Estate (XLRE) −0.99%", "Energy (XLE) led with +9.39%", "Financials (XLF) lagged with −1.75%",
        "Only one earlier outperformance streak", "RUT returned +4.49% against +5.45% for SPX (excess −0.95%)", "(excess −9.67%)",
        "not investment advice",
    })]
    [InlineData("zh", new[]
    {
        "已连续14个交易日跑赢标普500指数（SPX）", "始于2026年1月2日", "前一个交易日（2026年1月21日）时，这轮行情为13个交易日", "排名第2",
        "1996年4月16日至1996年5月7日那轮16个交易日", "RUT为+9.54%，SPX为+0.99%", "RUT为+9.11%，SPX为+0.51%",
        "按收盘价计为+0.83%，按开盘价计为−0.19%", "日均超额+58.3个基点", "共8次收盘创历史新高", "2026年1月22日的2,718.77",
        "RSI为71.48，处于超买", "通信服务（XLC）+1.41%", "房地产（XLRE）−0.99%", "能源（XLE）以+9.39%领涨", "金融（XLF）以−1.75%垫底",
        "只有一次更早的连续跑赢", "RUT为+4.49%，SPX为+5.45%（超额−0.95%）", "（超额−9.67%）", "不构成投资建议",
    })]
    public async Task The_founding_note_of_22_January_2026_carries_the_independently_computed_figures(string lang, string[] phrases)
    {
        var brief = await GetJsonAsync($"{FoundingQuery}&lang={lang}");

        brief.GetProperty("symbol").GetString().Should().Be("RUT");
        brief.GetProperty("benchmark").GetString().Should().Be("SPX");
        brief.GetProperty("asOf").GetString().Should().Be("2026-01-22");
        brief.GetProperty("from").GetString().Should().Be("2026-01-02"); // default: the first day of the current streak
        brief.GetProperty("lang").GetString().Should().Be(lang);
        brief.GetProperty("compare").EnumerateArray().Select(c => c.GetString()).Should().Equal("COMP");
        var text = string.Join("\n", brief.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("text").GetString()));
        foreach (var phrase in phrases)
        {
            text.Should().Contain(phrase);
        }

        brief.GetProperty("title").GetString().Should().Contain("14");
        brief.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("claims").GetArrayLength())
            .Should().Equal(3, 4, 1, 1, 3, 2, 0); // streak, returns, highs, RSI, sectors, aftermath, closing line
    }

    [Fact]
    public async Task The_founding_figures_are_those_the_cited_endpoints_return()
    {
        var text = Text(await GetJsonAsync($"{FoundingQuery}&lang=en"));
        var streaks = await GetJsonAsync("/streaks?symbol=RUT&benchmark=SPX&asOf=2026-01-22");
        var close = await GetJsonAsync("/relative-performance?symbols=RUT,COMP&benchmark=SPX&from=2026-01-02&to=2026-01-22&basis=close");
        var open = await GetJsonAsync("/relative-performance?symbols=RUT,COMP&benchmark=SPX&from=2026-01-02&to=2026-01-22&basis=open");
        var highs = await GetJsonAsync("/highs?symbol=RUT&from=2026-01-02&to=2026-01-22");
        var rsi = await GetJsonAsync("/indicators/rsi?symbol=RUT&from=2026-01-22&to=2026-01-22");

        text.Should().Contain($"for {streaks.GetProperty("current").GetProperty("length").GetInt32()} consecutive sessions");
        text.Should().Contain($"ranks No. {streaks.GetProperty("current").GetProperty("rank").GetInt32()}");
        var (rutClose, compClose) = (close.GetProperty("results")[0], close.GetProperty("results")[1]);
        var (rutOpen, compOpen) = (open.GetProperty("results")[0], open.GetProperty("results")[1]);
        text.Should().Contain($"RUT returned {Percent(rutClose, "return")} against {Percent(rutClose, "benchmarkReturn")} for SPX");
        text.Should().Contain($"RUT returned {Percent(rutOpen, "return")} against {Percent(rutOpen, "benchmarkReturn")} for SPX");
        text.Should().Contain($"{Percent(compClose, "return")} on the close basis and {Percent(compOpen, "return")} on the open basis");
        Percent(rutOpen, "return").Should().Be("+9.11%");
        Percent(compOpen, "return").Should().Be("−0.19%");
        text.Should().Contain($"{highs.GetProperty("recordCount").GetInt32()} record closes");
        highs.GetProperty("allTimeHigh").GetProperty("price").GetDouble().Should().Be(2718.77);
        text.Should().Contain(rsi.GetProperty("latest").GetProperty("rsi").GetDouble().ToString("0.00", CultureInfo.InvariantCulture) + " on");
    }

    [Theory]
    [InlineData(FoundingQuery)]
    [InlineData("/briefs/rotation?symbol=RUT&benchmark=DIA&asOf=2013-05-24")] // an exact tie on asOf: no current streak
    [InlineData("/briefs/rotation?symbol=XLC&benchmark=SPX&asOf=2018-06-21")] // three common dates: no RSI, no earlier runs
    [InlineData("/briefs/rotation?symbol=RUT&benchmark=SPX&asOf=2009-03-09")] // deep in the 2008-09 bear market: no record close
    [InlineData("/briefs/rotation?symbol=RUT&benchmark=SPX&asOf=1996-05-07")] // the record run, before any sector fund existed
    [InlineData("/briefs/rotation?symbol=IWM&benchmark=SPY&asOf=2026-01-22&from=2025-06-02&compare=QQQ,XLK,spy")]
    public async Task Every_marker_resolves_and_every_cited_query_reproduces_the_figures_of_its_claim(string url)
    {
        foreach (var lang in new[] { "en", "zh" })
        {
            var brief = await GetJsonAsync($"{url}&lang={lang}");
            var references = brief.GetProperty("references").EnumerateArray().ToList();
            references.Select(r => r.GetProperty("n").GetInt32()).Should().Equal(Enumerable.Range(1, references.Count));
            var byNumber = references.ToDictionary(r => r.GetProperty("n").GetInt32());
            var firstUse = new List<int>();
            foreach (var section in brief.GetProperty("sections").EnumerateArray())
            {
                var claims = section.GetProperty("claims").EnumerateArray().ToList();
                var markers = Marker().Matches(section.GetProperty("text").GetString()!).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
                markers.Should().Equal(claims.SelectMany(c => c.GetProperty("references").EnumerateArray().Select(n => n.GetInt32())), "the text carries each claim's markers in order");
                markers.Where(n => !byNumber.ContainsKey(n)).Should().BeEmpty("every marker is a reference");
                firstUse.AddRange(markers.Where(n => !firstUse.Contains(n)));
                foreach (var claim in claims)
                {
                    await AssertClaimIsReproducedAsync(claim, byNumber, brief.GetProperty("asOf").GetString()!, $"{url} {lang}");
                }
            }

            firstUse.Should().Equal(Enumerable.Range(1, references.Count), "references are numbered in order of first use and all used");
        }
    }

    [Theory]
    [InlineData(FoundingQuery)]
    [InlineData("/briefs/rotation?symbol=RUT&benchmark=DIA&asOf=2013-05-24")]
    [InlineData("/briefs/rotation?symbol=RUT&benchmark=SPX&asOf=1996-05-07")]
    public async Task English_and_Chinese_make_the_same_claims_with_the_same_figures_and_references(string url)
    {
        var en = await GetJsonAsync($"{url}&lang=en");
        var zh = await GetJsonAsync($"{url}&lang=zh");

        zh.GetProperty("references").GetRawText().Should().Be(en.GetProperty("references").GetRawText());
        var enClaims = Claims(en);
        var zhClaims = Claims(zh);
        zhClaims.Should().HaveCount(enClaims.Count);
        for (var i = 0; i < enClaims.Count; i++)
        {
            zhClaims[i].References.Should().Equal(enClaims[i].References);
            Figures(zhClaims[i].Text).Select(Key).Should().BeEquivalentTo(Figures(enClaims[i].Text).Select(Key), $"claim {i}: «{enClaims[i].Text}» / «{zhClaims[i].Text}»");
        }

        zh.GetProperty("title").GetString().Should().NotBe(en.GetProperty("title").GetString());

        // The same figure in either language: its kind and value (dates as yyyy-MM-dd), not its wording.
        static string Key(Figure f) => f.Kind == FigureKind.Date ? f.Text : $"{f.Kind} {f.Value.ToString(CultureInfo.InvariantCulture)}";
    }

    [Fact]
    public async Task A_tie_on_asOf_is_said_plainly_and_the_window_is_the_run_it_ended()
    {
        var brief = await GetJsonAsync("/briefs/rotation?symbol=RUT&benchmark=DIA&asOf=2013-05-24&lang=en");
        var tie = await GetJsonAsync("/relative-performance?symbols=RUT&benchmark=DIA&from=2013-05-24&to=2013-05-24&basis=close");
        var before = await GetJsonAsync("/streaks?symbol=RUT&benchmark=DIA&asOf=2013-05-23");

        tie.GetProperty("results")[0].GetProperty("return").GetDouble().Should().Be(tie.GetProperty("results")[0].GetProperty("benchmarkReturn").GetDouble());
        brief.GetProperty("title").GetString().Should().Contain("no streak running");
        var streak = brief.GetProperty("sections")[0];
        streak.GetProperty("text").GetString().Should().Contain("returned exactly the same").And.Contain("an exact tie ends any streak");
        brief.GetProperty("from").GetString().Should().Be(before.GetProperty("current").GetProperty("startDate").GetString());
        Text(brief).Should().Contain("With no streak running on May 24, 2013, there is no comparable run");
    }

    [Fact]
    public async Task Short_history_no_record_and_no_sector_data_each_get_an_honest_sentence()
    {
        var shortHistory = Text(await GetJsonAsync("/briefs/rotation?symbol=XLC&benchmark=SPX&asOf=2018-06-21"));
        shortHistory.Should().Contain("XLC has only 3 closes up to June 21, 2018, too few for an RSI(14)");
        shortHistory.Should().Contain("No earlier");

        var bear = await GetJsonAsync("/briefs/rotation?symbol=RUT&benchmark=SPX&asOf=2009-03-09");
        var highs = await GetJsonAsync($"/highs?symbol=RUT&from={bear.GetProperty("from").GetString()}&to=2009-03-09");
        highs.GetProperty("recordCount").GetInt32().Should().Be(0);
        Text(bear).Should().Contain("set no record close").And.Contain(
            highs.GetProperty("allTimeHigh").GetProperty("price").GetDouble().ToString("#,##0.00", CultureInfo.InvariantCulture));

        var beforeSectors = await GetJsonAsync("/briefs/rotation?symbol=RUT&benchmark=SPX&asOf=1996-05-07&lang=zh");
        var sectors = beforeSectors.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("heading").GetString() == "板块");
        sectors.GetProperty("text").GetString().Should().StartWith("1996年5月7日没有任何板块基金的收盘价：最早的板块数据始于1998年12月22日。");
        Text(beforeSectors).Should().Contain("创下纪录"); // the 16-session run was the record as of its last day
    }

    [Fact]
    public async Task Markdown_is_the_same_note_with_the_numbered_references_at_its_end()
    {
        var json = await GetJsonAsync($"{FoundingQuery}&lang=zh");
        var byParameter = await api.Client.GetAsync(Url($"{FoundingQuery}&lang=zh&format=markdown"));
        using var request = new HttpRequestMessage(HttpMethod.Get, Url($"{FoundingQuery}&lang=zh"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/markdown"));
        var byHeader = await api.Client.SendAsync(request);

        byParameter.StatusCode.Should().Be(HttpStatusCode.OK);
        byParameter.Content.Headers.ContentType!.ToString().Should().Be("text/markdown; charset=utf-8");
        var markdown = await byParameter.Content.ReadAsStringAsync();
        (await byHeader.Content.ReadAsStringAsync()).Should().Be(markdown);
        markdown.Should().StartWith("# " + json.GetProperty("title").GetString() + "\n");
        foreach (var section in json.GetProperty("sections").EnumerateArray())
        {
            markdown.Should().Contain($"## {section.GetProperty("heading").GetString()}\n\n{section.GetProperty("text").GetString()}\n");
        }

        var references = json.GetProperty("references").EnumerateArray().ToList();
        var tail = markdown[markdown.IndexOf("## 参考资料\n\n", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        tail.Should().HaveCount(references.Count);
        for (var i = 0; i < references.Count; i++)
        {
            tail[i].Should().StartWith($"{i + 1}. ");
            tail[i].Should().Contain(references[i].GetProperty("url").GetString());
        }

        byParameter.Headers.ETag!.Tag.Should().NotBe((await api.Client.GetAsync(Url($"{FoundingQuery}&lang=zh"))).Headers.ETag!.Tag);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, Url($"{FoundingQuery}&lang=zh&format=markdown"));
        conditional.Headers.IfNoneMatch.Add(byParameter.Headers.ETag!);
        (await api.Client.SendAsync(conditional)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("/briefs/rotation?symbol=RUT&benchmark=SPX&lang=fr", HttpStatusCode.BadRequest, "lang", "en, zh")]
    [InlineData("/briefs/rotation?symbol=RUT&benchmark=SPX&asOf=2026-13-01", HttpStatusCode.BadRequest, "asOf", "yyyy-MM-dd")]
    [InlineData("/briefs/rotation?symbol=RUT&benchmark=SPX&asOf=2026-01-22&from=2026-01-23", HttpStatusCode.BadRequest, "from", "after")]
    [InlineData("/briefs/rotation?symbol=RUT&benchmark=SPX&format=csv", HttpStatusCode.BadRequest, "format", "json or markdown")]
    [InlineData("/briefs/rotation?benchmark=SPX", HttpStatusCode.BadRequest, "symbol", "required")]
    [InlineData("/briefs/rotation?symbol=NOPE&benchmark=SPX", HttpStatusCode.NotFound, "symbol", "NOPE")]
    [InlineData("/briefs/rotation?symbol=RUT&benchmark=SPX&compare=COMP,NOPE", HttpStatusCode.NotFound, "compare", "NOPE")]
    public async Task Bad_input_is_a_problem_naming_the_parameter(string url, HttpStatusCode status, string parameter, string message)
    {
        var response = await api.Client.GetAsync(Url(url));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        if (status == HttpStatusCode.BadRequest)
        {
            problem.GetProperty("errors").GetProperty(parameter).EnumerateArray().Select(e => e.GetString()).Should().ContainMatch($"*{message}*");
        }
        else
        {
            problem.GetProperty("parameter").GetString().Should().Be(parameter);
            problem.GetProperty("detail").GetString().Should().Contain(message);
        }
    }

    /// <summary>
    /// The claim cites at least one query; each query answers 200; every figure of the sentence (dates, percentages,
    /// basis points, decimals, counts) is found in one of those answers; a claim with figures beyond dates cites sources,
    /// and every source it cites is a source of one of those answers.
    /// </summary>
    private async Task AssertClaimIsReproducedAsync(JsonElement claim, Dictionary<int, JsonElement> references, string asOf, string context)
    {
        var text = claim.GetProperty("text").GetString()!;
        var cited = claim.GetProperty("references").EnumerateArray().Select(n => references[n.GetInt32()]).ToList();
        var queries = cited.Where(r => r.GetProperty("kind").GetString() == "query").Select(r => r.GetProperty("url").GetString()!).ToList();
        queries.Should().NotBeEmpty($"«{text}» ({context}) cites a query");
        var answers = new List<JsonElement>();
        foreach (var query in queries)
        {
            answers.Add(await GetJsonAsync(query));
        }

        var dates = answers.SelectMany(a => Strings(a)).ToHashSet();
        var numbers = answers.SelectMany(Numbers).ToList();
        foreach (var figure in Figures(text))
        {
            var found = figure.Kind switch
            {
                FigureKind.Date => dates.Contains(figure.Text) || figure.Text == asOf, // asOf is the note's subject, not a result
                FigureKind.Percent => numbers.Any(x => Math.Abs((x * 100) - figure.Value) <= 0.005 + 1e-9),
                FigureKind.BasisPoints => numbers.Any(x => Math.Abs((x * 10_000) - figure.Value) <= 0.05 + 1e-9),
                FigureKind.Decimal => numbers.Any(x => Math.Abs(x - figure.Value) <= 0.005 + 1e-9),
                _ => numbers.Any(x => x == figure.Value),
            };
            found.Should().BeTrue($"{figure.Kind} {figure.Text} of «{text}» ({context}) is in the answer of {string.Join(" or ", queries)}");
        }

        if (Figures(text).Any(f => f.Kind != FigureKind.Date))
        {
            cited.Should().Contain(r => r.GetProperty("kind").GetString() == "source", $"«{text}» ({context}) cites the sources of its figures");
        }

        var sourceIds = answers.SelectMany(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("sources", out var s) ? s.EnumerateArray().Select(x => x.GetProperty("id").GetInt64()) : []).ToHashSet();
        foreach (var source in cited.Where(r => r.GetProperty("kind").GetString() == "source"))
        {
            source.GetProperty("provider").GetString().Should().Be("csv");
            source.GetProperty("url").GetString().Should().EndWith($"{source.GetProperty("providerSymbol").GetString()}.csv");
            sourceIds.Should().Contain(source.GetProperty("id").GetInt64(), $"a source of «{text}» ({context}) is cited by its query");
        }
    }

    private enum FigureKind
    {
        Date,
        Percent,
        BasisPoints,
        Decimal,
        Count,
    }

    private sealed record Figure(FigureKind Kind, string Text, double Value);

    /// <summary>The figures of a sentence in either language, dates normalised to yyyy-MM-dd; instrument names are not figures.</summary>
    private static List<Figure> Figures(string text)
    {
        var figures = new List<Figure>();
        text = NameWithNumber().Replace(text, " ");
        text = EnglishDate().Replace(text, m =>
        {
            figures.Add(Date(DateOnly.ParseExact(m.Value, "MMMM d, yyyy", CultureInfo.InvariantCulture)));
            return " ";
        });
        text = ChineseDate().Replace(text, m =>
        {
            figures.Add(Date(new DateOnly(Int(m.Groups[1]), Int(m.Groups[2]), Int(m.Groups[3]))));
            return " ";
        });
        text = PercentFigure().Replace(text, m => Add(FigureKind.Percent, m));
        text = BasisPointFigure().Replace(text, m => Add(FigureKind.BasisPoints, m));
        text = DecimalFigure().Replace(text, m => Add(FigureKind.Decimal, m));
        CountFigure().Replace(text, m => Add(FigureKind.Count, m));
        return figures;

        static Figure Date(DateOnly date) => new(FigureKind.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 0);
        static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);
        string Add(FigureKind kind, Match m)
        {
            var value = double.Parse(m.Groups["value"].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
            figures.Add(new Figure(kind, m.Value, m.Groups["sign"].Value is "−" or "-" ? -value : value));
            return " ";
        }
    }

    private static List<(string Text, List<int> References)> Claims(JsonElement brief) => brief.GetProperty("sections").EnumerateArray()
        .SelectMany(s => s.GetProperty("claims").EnumerateArray())
        .Select(c => (c.GetProperty("text").GetString()!, c.GetProperty("references").EnumerateArray().Select(n => n.GetInt32()).ToList()))
        .ToList();

    private static string Text(JsonElement brief) =>
        string.Join("\n", brief.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("text").GetString()));

    private static string Percent(JsonElement item, string property)
    {
        var value = Math.Round(item.GetProperty(property).GetDouble() * 100, 2);
        return (value > 0 ? "+" : value < 0 ? "−" : string.Empty) + Math.Abs(value).ToString("0.00", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>Every number of a JSON answer, and the length of every array (a count the sentence may state).</summary>
    private static IEnumerable<double> Numbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => [element.GetDouble()],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Numbers(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Numbers).Append(element.GetArrayLength()),
        _ => [],
    };

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await api.Client.GetAsync(Url(url));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{url}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static Uri Url(string url) => new(url, UriKind.Relative);

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"Russell 2000|S&P 500|罗素2000|标普500|RSI\(14\)")]
    private static partial Regex NameWithNumber();

    [GeneratedRegex(@"(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}")]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"(\d{4})年(\d{1,2})月(\d{1,2})日")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"(?<sign>[+−-]?)(?<value>\d+(\.\d+)?)%")]
    private static partial Regex PercentFigure();

    [GeneratedRegex(@"(?<sign>[+−-]?)(?<value>\d+\.\d)( bp|个基点)")]
    private static partial Regex BasisPointFigure();

    [GeneratedRegex(@"(?<sign>[−-]?)(?<value>\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d+)")]
    private static partial Regex DecimalFigure();

    [GeneratedRegex(@"(?<sign>)(?<value>\d+)")]
    private static partial Regex CountFigure();
}
