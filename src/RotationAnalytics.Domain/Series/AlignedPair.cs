using RotationAnalytics.Domain.Errors;

namespace RotationAnalytics.Domain.Series;

/// <summary>
/// Two series joined on the intersection of their trading dates (SPEC §2): index i of every array is the same
/// date. Dates missing from one series are skipped, not filled; <see cref="SkippedDates"/> lists those that lie
/// between the first and last common date (dates before the later series starts or after the earlier one ends
/// are outside the comparison, not gaps in it).
/// </summary>
public sealed record AlignedPair(
    DateOnly[] Dates,
    double[] OpensA,
    double[] ClosesA,
    double[] OpensB,
    double[] ClosesB,
    DateOnly[] SkippedDates)
{
    public int Count => Dates.Length;

    /// <summary>Joins <paramref name="a"/> and <paramref name="b"/> (each validated) on their common dates.</summary>
    public static DomainResult<AlignedPair> Align(IReadOnlyList<PriceBar> a, IReadOnlyList<PriceBar> b)
    {
        if (PriceSeries.Validate(a, DomainInput.SeriesA, out var spanA) is { } errorA)
        {
            return errorA;
        }

        if (PriceSeries.Validate(b, DomainInput.SeriesB, out var spanB) is { } errorB)
        {
            return errorB;
        }

        var capacity = Math.Min(spanA.Length, spanB.Length);
        var dates = new DateOnly[capacity];
        var opensA = new double[capacity];
        var closesA = new double[capacity];
        var opensB = new double[capacity];
        var closesB = new double[capacity];
        var skipped = new List<DateOnly>();
        int i = 0, j = 0, count = 0, skippedUpToLastCommon = 0;
        while (i < spanA.Length && j < spanB.Length)
        {
            var dateA = spanA[i].Date;
            var dateB = spanB[j].Date;
            if (dateA == dateB)
            {
                dates[count] = dateA;
                opensA[count] = spanA[i].Open;
                closesA[count] = spanA[i].Close;
                opensB[count] = spanB[j].Open;
                closesB[count] = spanB[j].Close;
                count++;
                skippedUpToLastCommon = skipped.Count;
                i++;
                j++;
            }
            else if (dateA < dateB)
            {
                if (count > 0)
                {
                    skipped.Add(dateA);
                }

                i++;
            }
            else
            {
                if (count > 0)
                {
                    skipped.Add(dateB);
                }

                j++;
            }
        }

        if (count < capacity)
        {
            Array.Resize(ref dates, count);
            Array.Resize(ref opensA, count);
            Array.Resize(ref closesA, count);
            Array.Resize(ref opensB, count);
            Array.Resize(ref closesB, count);
        }

        return new AlignedPair(dates, opensA, closesA, opensB, closesB, skipped.GetRange(0, skippedUpToLastCommon).ToArray());
    }

    /// <summary>Describes the common dates up to and including index <paramref name="lastIndex"/> (≥ 0).</summary>
    public CommonDates DescribeThrough(int lastIndex)
    {
        var last = Dates[lastIndex];
        var skipped = DateIndex.LastOnOrBefore(SkippedDates, last) + 1;
        return new CommonDates(Dates[0], last, lastIndex + 1, skipped);
    }
}
