using System.Globalization;
using RotationAnalytics.Api.Contracts;
using RotationAnalytics.Api.Queries;
using RotationAnalytics.Domain.Aftermath;
using RotationAnalytics.Domain.Breadth;
using RotationAnalytics.Domain.Indicators;
using RotationAnalytics.Domain.Records;
using RotationAnalytics.Domain.RelativePerformance;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;
using RotationAnalytics.Domain.Streaks;
using RotationAnalytics.Infrastructure.Seeding;
using RotationAnalytics.Infrastructure.Snapshot;

namespace RotationAnalytics.Api.Briefs;

/// <param name="From">First day of the return window; null: the first day of the current streak.</param>
/// <param name="Compare">Further symbols whose window returns are reported beside the symbol's.</param>
public sealed record BriefQuery(string Symbol, string Benchmark, DateOnly? AsOf, DateOnly? From, IReadOnlyList<string> Compare, string Lang);

/// <summary>
/// Answers /briefs/rotation (SPEC §3.10): the analyst's note written from one snapshot with the domain functions the
/// endpoints use, called with the parameters of the queries it cites, so each cited URL reproduces its figure. Every
/// sentence comes from the language's template; every claim cites those queries and the source batches of its bars.
/// </summary>
public sealed class BriefService(QueryPipeline pipeline, BriefLanguages languages)
{
    /// <summary>Up to this many earlier runs are described one by one, with a warning that they are too few to generalise from.</summary>
    public const int FewEvents = 4;

    /// <summary>The forward horizons the note reports (a month and a quarter of sessions), from the aftermath defaults.</summary>
    private static readonly int[] ReportedHorizons = [21, 63];

    private const int RsiPeriod = WilderRsi.DefaultPeriod;

    public CachedAnswer<BriefResponse> Get(BriefQuery query, string cacheKey) =>
        pipeline.Answer(cacheKey, market => Compute(market, query, languages[query.Lang]));

    private static QueryResult<BriefResponse> Compute(MarketQuery market, BriefQuery query, BriefLanguage language)
    {
        var parameters = new InputParameters(CutAt: query.AsOf is null ? null : "asOf");
        var resolved = market.ResolvePair(query.Symbol, query.Benchmark, query.AsOf, parameters);
        if (resolved.Error is { } unknown)
        {
            return unknown;
        }

        var compared = market.ResolveAll("compare", query.Compare);
        if (compared.Error is { } unknownCompare)
        {
            return unknownCompare;
        }

        var (symbol, benchmark, pair) = resolved.Value;
        var analyzed = StreakAnalysis.Analyze(pair, query.AsOf, 1, 0, 0);
        if (!analyzed.IsSuccess)
        {
            return QueryError.FromDomain(analyzed.Error, parameters);
        }

        var streaks = analyzed.Value;
        var asOf = streaks.AsOf;
        var asOfIndex = DateIndex.LastOnOrBefore(pair.Dates, asOf);
        var sessionBefore = asOfIndex >= 2 ? StreakAnalysis.Analyze(pair, pair.Dates[asOfIndex - 1], 1, 0, 0).Value : null;
        var from = query.From ?? streaks.Current?.Streak.StartDate ?? sessionBefore?.Current?.Streak.StartDate ?? asOf;
        if (from > asOf)
        {
            return new QueryError(StatusCodes.Status400BadRequest, "from", $"from ({from:yyyy-MM-dd}) is after the last common date {asOf:yyyy-MM-dd}.");
        }

        // The symbol and the benchmark are reported anyway; listed again under compare they would only repeat themselves.
        var compare = compared.Value!.Where(c => c != symbol && c != benchmark).ToList();
        var note = new BriefNote(market, language, symbol, benchmark, pair, asOf, from);
        note.Streak(streaks, sessionBefore);
        note.Returns(compare);
        note.Highs();
        note.Rsi();
        note.Sectors();
        note.Aftermath(streaks);
        var cited = market.Sources(
            "Each claim's figures are those of the queries it cites (same snapshot, same domain functions, the endpoints' " +
            "default parameters); the window runs from from (default: the first day of the current streak) to asOf.");
        note.Closing(cited.Sources.Any(s => s.Synthetic));
        return new BriefResponse(
            symbol.Symbol, benchmark.Symbol, asOf, from, compare.Select(c => c.Symbol).ToList(), language.Code,
            note.Title(streaks), note.Writer.Sections(), note.Writer.References, cited.Methodology);
    }

    /// <summary>The note being written: the pair, its window and the writer that numbers its references.</summary>
    private sealed class BriefNote(
        MarketQuery market, BriefLanguage language, SnapshotInstrument symbol, SnapshotInstrument benchmark, AlignedPair pair, DateOnly asOf, DateOnly from)
    {
        public BriefWriter Writer { get; } = new(language, market);

        private string S => symbol.Symbol;

        private string B => benchmark.Symbol;

        public string Title(StreakReport streaks) => streaks.Current is { } c
            ? language.Sentence(
                "title.run",
                ("symbol", language.Instrument(symbol)), ("benchmark", language.Instrument(benchmark)),
                ("direction", Direction(c.Streak.Direction)), ("length", language.Count(c.Streak.Length)), ("asOf", language.Date(asOf)))
            : language.Sentence(
                "title.tie", ("symbol", language.Instrument(symbol)), ("benchmark", language.Instrument(benchmark)), ("asOf", language.Date(asOf)));

        /// <summary>§3.10 (1): the current streak, its length a session earlier, rank, record or "longest since".</summary>
        public void Streak(StreakReport streaks, StreakReport? sessionBefore)
        {
            Writer.Section("streak");
            var url = StreaksUrl(asOf);
            var previous = sessionBefore?.Current?.Streak;
            var previousUrl = sessionBefore is null ? null : StreaksUrl(sessionBefore.AsOf);
            var history = CitePair(streaks.CommonDates.First, asOf);
            if (streaks.Current is not { } current)
            {
                var day = RelativePerformanceReport.Compute(pair, asOf, asOf).Value;
                Writer.Claim(
                    language.Sentence(
                        "streak.tie", ("asOf", language.Date(asOf)), ("symbol", language.Instrument(symbol)),
                        ("benchmark", language.Instrument(benchmark)), ("return", language.Percent(day.Return))),
                    [url, RelativePerformanceUrl([S], asOf, PriceBasis.Close)],
                    CitePair(day.Base.Date, asOf));
                if (previous is { } p)
                {
                    Writer.Claim(
                        language.Sentence(
                            "streak.tieBefore", ("symbol", S), ("benchmark", B), ("direction", Direction(p.Direction)),
                            ("previousLength", language.Count(p.Length)), ("previousStart", language.Date(p.StartDate)),
                            ("previousEnd", language.Date(p.EndDate))),
                        [previousUrl!],
                        CiteRun(p));
                }

                return;
            }

            var run = current.Streak;
            Writer.Claim(
                language.Sentence(
                    "streak.current", ("asOf", language.Date(asOf)), ("symbol", language.Instrument(symbol)),
                    ("direction", Direction(run.Direction)), ("benchmark", language.Instrument(benchmark)),
                    ("length", language.Count(run.Length)), ("start", language.Date(run.StartDate))),
                [url],
                CiteRun(run));
            if (run.Length > 1 && previous is { } before)
            {
                Writer.Claim(
                    language.Sentence(
                        "streak.sessionBefore", ("previousDate", language.Date(sessionBefore!.AsOf)), ("previousLength", language.Count(before.Length))),
                    [previousUrl!],
                    CiteRun(before));
            }
            else if (run.Length == 1 && previous is { } ended)
            {
                Writer.Claim(
                    language.Sentence(
                        "streak.reversal", ("previousLength", language.Count(ended.Length)), ("previousRun", RunWord(ended.Direction)),
                        ("previousStart", language.Date(ended.StartDate)), ("previousEnd", language.Date(ended.EndDate))),
                    [previousUrl!],
                    CiteRun(ended));
            }

            var firstDate = ("firstDate", language.Date(streaks.CommonDates.First));
            var runWord = ("run", RunWord(run.Direction));
            if (current.IsRecord)
            {
                Writer.Claim(language.Sentence("streak.record", runWord, firstDate), [url], history);
            }
            else if (current.TiesRecord)
            {
                var record = current.PreviousAtLeastAsLong!.Value;
                Writer.Claim(
                    language.Sentence(
                        "streak.tiesRecord", runWord, ("recordLength", language.Count(record.Length)),
                        ("recordStart", language.Date(record.StartDate)), ("recordEnd", language.Date(record.EndDate))),
                    [url],
                    history);
            }
            else
            {
                // Not a record and not a tie: an earlier streak of the direction is longer, so one at least as long exists.
                var longer = current.PreviousAtLeastAsLong!.Value;
                Writer.Claim(
                    language.Sentence(
                        "streak.rank", runWord, firstDate, ("rank", language.Count(current.Rank)),
                        ("previousLength", language.Count(longer.Length)), ("previousStart", language.Date(longer.StartDate)),
                        ("previousEnd", language.Date(longer.EndDate))),
                    [url],
                    history);
            }
        }

        /// <summary>§3.10 (2): window returns on the close and the open basis, compare symbols, average daily excess.</summary>
        public void Returns(IReadOnlyList<SnapshotInstrument> compare)
        {
            Writer.Section("returns");
            var rows = new List<(SnapshotInstrument Instrument, AlignedPair? Pair, RelativePerformanceReport? Close, RelativePerformanceReport? Open)>();
            foreach (var instrument in compare.Prepend(symbol))
            {
                var aligned = instrument == symbol ? pair : market.Align(instrument, benchmark, asOf, new InputParameters(Symbol: "compare")).Value;
                rows.Add((
                    instrument,
                    aligned,
                    aligned is null ? null : Report(aligned, PriceBasis.Close),
                    aligned is null ? null : Report(aligned, PriceBasis.Open)));
            }

            var closeUrl = RelativePerformanceUrl(rows.Where(r => r.Close is not null).Select(r => r.Instrument.Symbol), asOf, PriceBasis.Close);
            var openUrl = RelativePerformanceUrl(rows.Where(r => r.Open is not null).Select(r => r.Instrument.Symbol), asOf, PriceBasis.Open);
            var (_, _, close, open) = rows[0];
            if (close is not null)
            {
                Writer.Claim(
                    language.Sentence(
                        "returns.close", ("baseDate", language.Date(close.Base.Date)), ("endDate", language.Date(close.End.Date)),
                        ("days", language.Count(close.TradingDays)), ("symbol", S), ("return", language.Percent(close.Return)),
                        ("benchmarkReturn", language.Percent(close.BenchmarkReturn)), ("benchmark", B), ("excess", language.Percent(close.ExcessReturn))),
                    [closeUrl],
                    CitePair(close.Base.Date, close.End.Date));
            }
            else
            {
                Unavailable(symbol, pair, PriceBasis.Close);
            }

            if (open is not null)
            {
                Writer.Claim(
                    language.Sentence(
                        "returns.open", ("baseDate", language.Date(open.Base.Date)), ("endDate", language.Date(open.End.Date)), ("symbol", S),
                        ("return", language.Percent(open.Return)), ("benchmarkReturn", language.Percent(open.BenchmarkReturn)), ("benchmark", B)),
                    [openUrl],
                    CitePair(open.Base.Date, open.End.Date));
            }
            else
            {
                Unavailable(symbol, pair, PriceBasis.Open);
            }

            foreach (var (instrument, aligned, compareClose, compareOpen) in rows.Skip(1))
            {
                if (compareClose is not null && compareOpen is not null)
                {
                    Writer.Claim(
                        language.Sentence(
                            "returns.compare", ("symbol", language.Instrument(instrument)), ("closeReturn", language.Percent(compareClose.Return)),
                            ("openReturn", language.Percent(compareOpen.Return))),
                        [closeUrl, openUrl],
                        market.Cite([instrument, benchmark], compareClose.Base.Date, compareClose.End.Date));
                }
                else
                {
                    Unavailable(instrument, aligned, compareClose is null ? PriceBasis.Close : PriceBasis.Open);
                }
            }

            if (close is not null)
            {
                Writer.Claim(
                    language.Sentence(
                        "returns.dailyExcess", ("symbol", S), ("benchmark", B), ("outperformingDays", language.Count(close.OutperformingDays)),
                        ("days", language.Count(close.TradingDays)), ("averageExcess", language.BasisPoints(close.AverageDailyExcessReturn))),
                    [closeUrl],
                    CitePair(close.Base.Date, close.End.Date));
            }
        }

        /// <summary>§3.10 (3): record closes of the symbol in the window and its latest all-time high.</summary>
        public void Highs()
        {
            Writer.Section("highs");
            var bars = market.Bars(symbol, asOf);
            var report = RecordCloseReport.Compute(bars, from, asOf).Value;
            var values = new (string, string)[]
            {
                ("symbol", S), ("from", language.Date(from)), ("to", language.Date(asOf)), ("count", language.Count(report.RecordCount)),
                ("lastRecord", report.RecordCount > 0 ? language.Date(report.RecordDates[^1].Date) : string.Empty),
                ("high", language.Price(report.AllTimeHigh.Price)), ("highDate", language.Date(report.AllTimeHigh.Date)),
                ("drawdown", language.Percent(report.Drawdown)),
            };
            var key = report.RecordCount switch { 0 => "highs.none", 1 => "highs.one", _ => "highs.some" };
            Writer.Claim(
                language.Sentence(key, values),
                [Url("/highs", ("symbol", S), ("from", Iso(from)), ("to", Iso(asOf)))],
                market.Cite(symbol, bars[0].Date, report.End.Date));
        }

        /// <summary>§3.10 (4): RSI(14) on asOf and its zone, over the symbol's whole history as /indicators/rsi computes it.</summary>
        public void Rsi()
        {
            Writer.Section("rsi");
            var bars = market.Bars(symbol, asOf);
            var sources = market.Cite(symbol, bars[0].Date, asOf);
            if (bars.Count <= RsiPeriod)
            {
                Writer.Claim(
                    language.Sentence("rsi.unavailable", ("symbol", S), ("count", language.Count(bars.Count)), ("date", language.Date(asOf))),
                    [Url($"/instruments/{Uri.EscapeDataString(S)}/bars", ("from", Iso(bars[0].Date)), ("to", Iso(asOf)))],
                    sources);
                return;
            }

            var reading = WilderRsi.Readings(bars, asOf, asOf, RsiPeriod).Value[^1];
            Writer.Claim(
                language.Sentence(
                    "rsi.reading", ("symbol", S), ("rsi", language.Number(reading.Rsi!.Value)), ("date", language.Date(reading.Date)),
                    ("zone", language.Word(reading.Zone!.Value.ToString().ToLowerInvariant()))),
                [Url("/indicators/rsi", ("symbol", S), ("from", Iso(asOf)), ("to", Iso(asOf)))],
                sources);
        }

        /// <summary>§3.10 (5): the sector group on asOf (advancers, decliners, top and bottom three) and the window's leader and laggard.</summary>
        public void Sectors()
        {
            Writer.Section("sectors");
            var instruments = market.ResolveGroup("group", DefaultUniverse.SectorGroup).Value ?? [];
            var members = instruments.Select(i => new BreadthMember(i.Symbol, i.Sector, market.Bars(i, asOf))).ToList();
            var bySymbol = instruments.ToDictionary(i => i.Symbol);
            if (members.Count == 0 || SectorBreadth.ForDate(members, asOf) is not { IsSuccess: true } day)
            {
                // Coverage (first stored date per instrument) is what /instruments reports.
                var firsts = instruments.Select(i => market.Bars(i, null)).Where(b => b.Count > 0).Select(b => b[0].Date).ToList();
                Writer.Claim(
                    firsts.Count == 0
                        ? language.Sentence("sectors.empty")
                        : language.Sentence("sectors.none", ("date", language.Date(asOf)), ("firstDate", language.Date(firsts.Min()))),
                    ["/instruments"],
                    []);
                return;
            }

            var dayUrl = Url("/breadth/sectors", ("date", Iso(asOf)));
            var r = day.Value;
            var ranked = r.Members.Where(m => m.Window is not null).OrderBy(m => m.Rank).ToList();
            long[] Cite(IEnumerable<MemberBreadth> cited) =>
                [.. cited.SelectMany(m => market.Cite(bySymbol[m.Symbol], m.Window!.Base.Date, m.Window.End.Date)).Distinct().Order()];
            Writer.Claim(
                language.Sentence(
                    "sectors.day", ("date", language.Date(asOf)), ("advancers", language.Count(r.Advancers)),
                    ("count", language.Count(ranked.Count)), ("decliners", language.Count(r.Decliners))),
                [dayUrl],
                Cite(ranked));
            var missing = r.Members.Where(m => m.Window is null).ToList();
            if (missing.Count > 0)
            {
                Writer.Claim(
                    language.Sentence(
                        "sectors.missing", ("members", language.List(missing.Select(m => language.Sentence("sectors.name", ("sector", language.Sector(m.Sector, m.Symbol)), ("symbol", m.Symbol))))),
                        ("date", language.Date(asOf))),
                    [dayUrl],
                    []);
            }

            var top = ranked.Take(Math.Min(3, ranked.Count)).ToList();
            var bottom = ranked.Skip(top.Count).TakeLast(3).Reverse().ToList();
            if (bottom.Count > 0)
            {
                string Member(MemberBreadth m) => language.Sentence(
                    "sectors.member", ("sector", language.Sector(m.Sector, m.Symbol)), ("symbol", m.Symbol), ("return", language.Percent(m.Window!.Return)));
                Writer.Claim(
                    language.Sentence("sectors.extremes", ("top", language.List(top.Select(Member))), ("bottom", language.List(bottom.Select(Member)))),
                    [dayUrl],
                    Cite(top.Concat(bottom)));
            }

            var window = SectorBreadth.ForWindow(members, from, asOf);
            if (!window.IsSuccess)
            {
                Writer.Claim(language.Sentence("sectors.windowNone", ("from", language.Date(from)), ("to", language.Date(asOf))), [dayUrl], []);
                return;
            }

            var (leader, laggard) = (window.Value.Leader, window.Value.Laggard);
            Writer.Claim(
                language.Sentence(
                    "sectors.window", ("from", language.Date(from)), ("to", language.Date(asOf)),
                    ("leader", language.Sector(leader.Sector, leader.Symbol)), ("leaderSymbol", leader.Symbol), ("leaderReturn", language.Percent(leader.Window!.Return)),
                    ("laggard", language.Sector(laggard.Sector, laggard.Symbol)), ("laggardSymbol", laggard.Symbol),
                    ("laggardReturn", language.Percent(laggard.Window!.Return))),
                [Url("/breadth/sectors", ("from", Iso(from)), ("to", Iso(asOf)))],
                Cite([leader, laggard]));
        }

        /// <summary>§3.10 (6): what followed the earlier streaks at least as long as the current one (SPEC §3.8 defaults).</summary>
        public void Aftermath(StreakReport streaks)
        {
            Writer.Section("aftermath");
            var firstDate = ("firstDate", language.Date(streaks.CommonDates.First));
            if (streaks.Current is null)
            {
                Writer.Claim(language.Sentence("aftermath.noStreak", ("asOf", language.Date(asOf))), [StreaksUrl(asOf)], CitePair(pair.Dates[DateIndex.LastOnOrBefore(pair.Dates, asOf) - 1], asOf));
                return;
            }

            var report = StreakAftermath.Analyze(pair, asOf, null, null, null, 0, FewEvents).Value;
            var url = Url(
                "/streaks/aftermath", ("symbol", S), ("benchmark", B), ("asOf", Iso(asOf)),
                ("minLength", report.MinLength.ToString(CultureInfo.InvariantCulture)));
            var run = ("run", RunWord(report.Direction));
            var minLength = ("minLength", language.Count(report.MinLength));
            var history = CitePair(streaks.CommonDates.First, asOf);
            if (report.EventsTotal == 0)
            {
                Writer.Claim(language.Sentence("aftermath.none", run, minLength, firstDate), [url], history);
                return;
            }

            var horizons = ReportedHorizons.Select(h => Array.IndexOf(report.Horizons, h)).Where(i => i >= 0).ToList();
            if (report.EventsTotal <= FewEvents)
            {
                Writer.Claim(
                    report.EventsTotal == 1
                        ? language.Sentence("aftermath.fewOne", run, minLength, firstDate)
                        : language.Sentence("aftermath.few", ("count", language.Count(report.EventsTotal)), run, minLength, firstDate),
                    [url],
                    history);
                foreach (var e in report.Events)
                {
                    var forwards = horizons.Select(i => e.Forward[i] is { } f
                        ? language.Sentence(
                            "aftermath.forward", ("horizon", language.Count(report.Horizons[i])), ("symbol", S), ("return", language.Percent(f.Return)),
                            ("benchmarkReturn", language.Percent(f.BenchmarkReturn)), ("benchmark", B), ("excess", language.Percent(f.ExcessReturn)))
                        : language.Sentence("aftermath.pending", ("horizon", language.Count(report.Horizons[i])), ("asOf", language.Date(asOf))));
                    var furthest = e.Forward.Max(f => f?.Date) ?? e.Streak.EndDate;
                    Writer.Claim(
                        language.Sentence(
                            "aftermath.event", ("start", language.Date(e.Streak.StartDate)), ("end", language.Date(e.Streak.EndDate)),
                            ("length", language.Count(e.Streak.Length)), ("forwards", language.Clauses(forwards))),
                        [url],
                        CitePair(PreviousCommonDate(e.Streak.StartDate), furthest));
                }

                return;
            }

            Writer.Claim(language.Sentence("aftermath.many", ("count", language.Count(report.EventsTotal)), run, minLength, firstDate), [url], history);
            foreach (var i in horizons)
            {
                var s = report.Summary[i];
                var horizon = ("horizon", language.Count(s.Horizon));
                Writer.Claim(
                    s.Count == 0
                        ? language.Sentence("aftermath.summaryNone", horizon, ("asOf", language.Date(asOf)))
                        : language.Sentence(
                            "aftermath.summary", horizon, ("symbol", S), ("benchmark", B), ("mean", language.Percent(s.MeanExcessReturn!.Value)),
                            ("median", language.Percent(s.MedianExcessReturn!.Value)), ("min", language.Percent(s.MinExcessReturn!.Value)),
                            ("max", language.Percent(s.MaxExcessReturn!.Value)), ("share", language.Share(s.ShareOutperforming!.Value)),
                            ("complete", language.Count(s.Count))),
                    [url],
                    history);
            }
        }

        /// <summary>§3.10 (7): the figures' origin and that the note is no advice.</summary>
        public void Closing(bool synthetic) =>
            Writer.Statement("closing", language.Sentence(synthetic ? "closing.synthetic" : "closing"));

        private RelativePerformanceReport? Report(AlignedPair aligned, PriceBasis basis)
        {
            var report = RelativePerformanceReport.Compute(aligned, from, asOf, basis);
            return report.IsSuccess ? report.Value : null;
        }

        /// <summary>No window return on a basis (no base close before from, no open on the first day, no common dates).</summary>
        private void Unavailable(SnapshotInstrument instrument, AlignedPair? aligned, PriceBasis basis) =>
            Writer.Claim(
                language.Sentence(
                    "returns.unavailable", ("symbol", instrument.Symbol), ("benchmark", B), ("from", language.Date(from)), ("to", language.Date(asOf)),
                    ("basis", language.Word(basis.ToString().ToLowerInvariant())),
                    ("firstDate", aligned is { Count: > 0 } a ? language.Date(a.Dates[0]) : "—")),
                [aligned is { Count: > 1 } ? StreaksUrl(asOf, instrument) : "/instruments"],
                aligned is { Count: > 0 } p ? market.Cite([instrument, benchmark], p.Dates[0], asOf) : []);

        private string Direction(StreakDirection direction) => language.Word(direction == StreakDirection.Outperform ? "outperform" : "underperform");

        private string RunWord(StreakDirection direction) => language.Word(direction == StreakDirection.Outperform ? "outperformRun" : "underperformRun");

        private long[] CitePair(DateOnly first, DateOnly last) => market.Cite([symbol, benchmark], first, last);

        /// <summary>A run's first return starts from the previous common close, so that bar is part of its evidence.</summary>
        private long[] CiteRun(OutperformanceStreak run) => CitePair(PreviousCommonDate(run.StartDate), run.EndDate);

        private DateOnly PreviousCommonDate(DateOnly start)
        {
            var index = DateIndex.LastOnOrBefore(pair.Dates, start.AddDays(-1));
            return index >= 0 ? pair.Dates[index] : start;
        }

        private string StreaksUrl(DateOnly date, SnapshotInstrument? instrument = null) =>
            Url("/streaks", ("symbol", (instrument ?? symbol).Symbol), ("benchmark", B), ("asOf", Iso(date)));

        private string RelativePerformanceUrl(IEnumerable<string> symbols, DateOnly to, PriceBasis basis) => Url(
            "/relative-performance", ("symbols", string.Join(',', symbols.Select(Uri.EscapeDataString))), ("benchmark", B),
            ("from", Iso(from)), ("to", Iso(to)), ("basis", basis.ToString().ToLowerInvariant()));

        /// <summary>A relative URL of this API; a symbol list comes escaped symbol by symbol (its commas stay readable).</summary>
        private static string Url(string path, params (string Name, string Value)[] query) =>
            path + "?" + string.Join('&', query.Select(p => p.Name + "=" + (p.Name == "symbols" ? p.Value : Uri.EscapeDataString(p.Value))));

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
