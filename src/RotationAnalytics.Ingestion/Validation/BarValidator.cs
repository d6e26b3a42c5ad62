using RotationAnalytics.Infrastructure.BarWriting;
using RotationAnalytics.Ingestion.Providers;

namespace RotationAnalytics.Ingestion.Validation;

/// <summary>Reason codes stored in <c>daily_bars.flags</c> (soft anomalies: the bar is kept and used).</summary>
public static class BarFlags
{
    public const string OhlcInconsistent = "ohlc-inconsistent";
    public const string MoveOver25Pct = "move-over-25pct";
    public const string VolumeMissing = "volume-missing";
}

/// <summary>Reasons stored in <c>rejected_bars.reason</c> (hard errors: the row is never stored).</summary>
public static class RejectionReasons
{
    public const string DateUnparsable = "date-unparsable";
    public const string DateInFuture = "date-in-future";
    public const string DateWeekend = "date-weekend";
    public const string DuplicateDate = "duplicate-date";
    public const string CloseNotFinite = "close-not-finite";
    public const string CloseNotPositive = "close-not-positive";
    public const string PriceNotFinite = "price-not-finite";
    public const string PriceNegative = "price-negative";
    public const string VolumeNotFinite = "volume-not-finite";
    public const string VolumeNegative = "volume-negative";
}

/// <summary>The validated rows of one response, ascending by date, and the rejected ones with their reasons.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidatedBar> Bars, IReadOnlyList<RejectedRow> Rejected);

/// <summary>SPEC §1 validation: hard errors reject a row with a reason, soft anomalies keep it and flag it.</summary>
public static class BarValidator
{
    /// <summary>A close-to-close move beyond this (either way) is flagged: possibly an unadjusted split.</summary>
    public const double MaxDailyMove = 0.25;

    /// <param name="rows">Rows as received, in any order.</param>
    /// <param name="instrument">Decides whether a missing volume is an anomaly.</param>
    /// <param name="previousClose">Stored close of the last trading day before the first row, for the move check.</param>
    /// <param name="today">Exchange-local today; later dates are rejected.</param>
    public static ValidationResult Validate(IReadOnlyList<ReceivedBar> rows, InstrumentInfo instrument, double? previousClose, DateOnly today)
    {
        var rejected = new List<RejectedRow>();
        var candidates = new List<ReceivedBar>(rows.Count);
        foreach (var row in rows)
        {
            var reason = HardError(row, today);
            if (reason is null)
            {
                candidates.Add(row);
            }
            else
            {
                rejected.Add(new RejectedRow(row.RawRow, reason));
            }
        }

        // Two rows for one date: neither can be trusted over the other, so both are rejected.
        var duplicateDates = candidates.GroupBy(r => r.Date!.Value).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        rejected.AddRange(candidates.Where(r => duplicateDates.Contains(r.Date!.Value)).Select(r => new RejectedRow(r.RawRow, RejectionReasons.DuplicateDate)));

        var bars = new List<ValidatedBar>(candidates.Count);
        var lastClose = previousClose;
        foreach (var row in candidates.Where(r => !duplicateDates.Contains(r.Date!.Value)).OrderBy(r => r.Date))
        {
            bars.Add(new ValidatedBar(row.Date!.Value, row.Open, row.High, row.Low, row.Close, row.AdjustedClose, row.Volume,
                SoftAnomalies(row, instrument, lastClose)));
            lastClose = row.Close;
        }

        return new ValidationResult(bars, rejected);
    }

    private static string? HardError(ReceivedBar row, DateOnly today)
    {
        if (row.Date is not { } date)
        {
            return RejectionReasons.DateUnparsable;
        }

        if (date > today)
        {
            return RejectionReasons.DateInFuture;
        }

        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return RejectionReasons.DateWeekend;
        }

        if (!double.IsFinite(row.Close))
        {
            return RejectionReasons.CloseNotFinite;
        }

        if (row.Close <= 0)
        {
            return RejectionReasons.CloseNotPositive;
        }

        double[] others = [row.Open, row.High, row.Low, row.AdjustedClose ?? 0];
        if (others.Any(p => !double.IsFinite(p)))
        {
            return RejectionReasons.PriceNotFinite;
        }

        if (others.Any(p => p < 0))
        {
            return RejectionReasons.PriceNegative;
        }

        if (row.Volume is { } volume && !double.IsFinite(volume))
        {
            return RejectionReasons.VolumeNotFinite;
        }

        return row.Volume < 0 ? RejectionReasons.VolumeNegative : null;
    }

    private static string[] SoftAnomalies(ReceivedBar row, InstrumentInfo instrument, double? previousClose)
    {
        var flags = new List<string>(1);
        if (row.High < Math.Max(Math.Max(row.Open, row.Close), row.Low) || row.Low > Math.Min(row.Open, row.Close))
        {
            flags.Add(BarFlags.OhlcInconsistent);
        }

        if (previousClose is { } previous && Math.Abs(row.Close / previous - 1) > MaxDailyMove)
        {
            flags.Add(BarFlags.MoveOver25Pct);
        }

        if (instrument.HasVolume && row.Volume is null)
        {
            flags.Add(BarFlags.VolumeMissing);
        }

        return [.. flags];
    }
}
