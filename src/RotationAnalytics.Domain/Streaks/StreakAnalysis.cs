using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RotationAnalytics.Domain.Errors;
using RotationAnalytics.Domain.Returns;
using RotationAnalytics.Domain.Series;

namespace RotationAnalytics.Domain.Streaks;

/// <summary>
/// Outperformance/underperformance streaks of A (first series of the pair) against B (SPEC §3.2). Day t is a win
/// when rA(t) &gt; rB(t), a loss when rA(t) &lt; rB(t); an exact tie ends any streak and starts none. A few
/// branch-light passes over pooled scratch arrays (structure of arrays, one entry per run) find every streak;
/// the history is ordered by a counting sort on length, so the whole analysis is O(n) and allocates only the
/// reported streaks. See docs/performance.md for the figures.
/// </summary>
public static class StreakAnalysis
{
    public static DomainResult<StreakReport> Analyze(AlignedPair pair, DateOnly? asOf = null, int minLength = 1) =>
        Analyze(pair, asOf, minLength, 0, int.MaxValue);

    /// <summary>
    /// The same analysis with only one page of the history materialised: <see cref="StreakReport.History"/> holds
    /// the streaks at positions [historyOffset, historyOffset + historyCount) of the full ordered history and
    /// <see cref="StreakReport.HistoryTotal"/> the full count, so the allocation is proportional to the page.
    /// </summary>
    public static DomainResult<StreakReport> Analyze(AlignedPair pair, DateOnly? asOf, int minLength, int historyOffset, int historyCount) =>
        Analyze(pair, asOf, minLength, null, 0, 0, historyOffset, historyCount, out _);

    /// <summary>
    /// The analysis (history not materialised) plus the completed streaks — those that ended before the last date,
    /// i.e. not the one running on it — of the direction and minimum length that <paramref name="choose"/> picks
    /// once the current streak (null on a tie day) is known, oldest first. One pass, for the aftermath study, whose
    /// defaults depend on the current streak. The chosen minimum length must be at least 1.
    /// </summary>
    /// <remarks>
    /// Every selected streak's end index is returned, but only those at positions [offset, offset + count) of the
    /// oldest-first list are materialised as <see cref="OutperformanceStreak"/>s (the caller pages them).
    /// </remarks>
    internal static DomainResult<StreakReport> Analyze(
        AlignedPair pair, DateOnly? asOf, Func<CurrentStreak?, CompletedStreakFilter> choose, int offset, int count, out CompletedStreaks? completed) =>
        Analyze(pair, asOf, 1, choose, offset, count, 0, 0, out completed);

    private static DomainResult<StreakReport> Analyze(
        AlignedPair pair,
        DateOnly? asOf,
        int minLength,
        Func<CurrentStreak?, CompletedStreakFilter>? choose,
        int completedOffset,
        int completedCount,
        int historyOffset,
        int historyCount,
        out CompletedStreaks? completed)
    {
        completed = null;
        if (historyOffset < 0)
        {
            return DomainError.InvalidArgument(DomainInput.HistoryOffset, "historyOffset must not be negative.");
        }

        if (historyCount < 0)
        {
            return DomainError.InvalidArgument(DomainInput.HistoryCount, "historyCount must not be negative.");
        }

        if (minLength < 1)
        {
            return DomainError.InvalidArgument(DomainInput.MinLength, "minLength must be at least 1.");
        }

        if (pair.Count < 2)
        {
            return DomainError.InsufficientData(DomainInput.Pair, "Streaks need at least two common trading dates.");
        }

        if (pair.ClosesA.Length < pair.Count || pair.ClosesB.Length < pair.Count)
        {
            // Only a hand-built pair can be inconsistent; the passes below index the closes without bounds checks.
            return DomainError.InvalidArgument(DomainInput.Pair, "The pair needs one close of each series per common date.");
        }

        var end = asOf is { } date ? DateIndex.LastOnOrBefore(pair.Dates, date) : pair.Count - 1;
        if (end < 1)
        {
            return DomainError.InsufficientData(
                DomainInput.AsOf, $"Streaks need at least two common trading dates up to asOf; the first two are {pair.Dates[0]:yyyy-MM-dd} and {pair.Dates[1]:yyyy-MM-dd}.");
        }

        // Scratch, all pooled (a run is at most one per day): the daily excess (later reused for the cumulative
        // excess per run), the in-run sums (later the averages), run starts (+ end sentinel), signed lengths.
        var excess = ArrayPool<double>.Shared.Rent(end + 1);
        var sums = ArrayPool<double>.Shared.Rent(end + 2);
        var starts = ArrayPool<int>.Shared.Rent(end + 2);
        var lengths = ArrayPool<int>.Shared.Rent(end + 1);
        var keeps = ArrayPool<long>.Shared.Rent(end + 1);
        try
        {
            DailyExcess(pair.ClosesA, pair.ClosesB, end, excess);
            Continuations(excess, end, keeps);
            var runs = Runs(excess, keeps, end, starts, sums);
            starts[runs] = end + 1;
            var maxLength = PerRun(pair.ClosesA, pair.ClosesB, starts, runs, excess, excess, sums, lengths, out var longestOut, out var longestUnder);
            var table = new RunTable(pair.Dates, starts, lengths.AsSpan(0, runs), excess, sums);
            var current = lengths[runs - 1] != 0 ? Place(table) : null;
            if (choose is not null)
            {
                var filter = choose(current);
                completed = Completed(table, starts, runs, filter, completedOffset, completedCount);
                minLength = Math.Max(1, filter.MinLength);
            }

            return new StreakReport(
                pair.Dates[end],
                current,
                longestOut >= 0 ? table.Streak(longestOut) : null,
                longestUnder >= 0 ? table.Streak(longestUnder) : null,
                History(table, maxLength, minLength, historyOffset, historyCount, out var total),
                pair.DescribeThrough(end))
            {
                HistoryTotal = total,
            };
        }
        finally
        {
            ArrayPool<long>.Shared.Return(keeps);
            ArrayPool<int>.Shared.Return(lengths);
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<double>.Shared.Return(sums);
            ArrayPool<double>.Shared.Return(excess);
        }
    }

    /// <summary>
    /// The runs found: run k covers days Starts[k]..Starts[k+1]−1; Lengths[k] is its length signed by direction
    /// (+ outperform, − underperform, 0 for a run of exact ties, which is no streak); Cumulative[k] and
    /// Average[k] are its <see cref="OutperformanceStreak"/> figures.
    /// </summary>
    private readonly ref struct RunTable(DateOnly[] dates, int[] starts, ReadOnlySpan<int> lengths, double[] cumulative, double[] average)
    {
        public readonly ReadOnlySpan<int> Lengths = lengths;

        public OutperformanceStreak Streak(int k)
        {
            var length = Unsafe.Add(ref MemoryMarshal.GetReference(Lengths), k);
            ref var start = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(starts), k);
            ref var date = ref MemoryMarshal.GetArrayDataReference(dates);
            return new OutperformanceStreak(
                length > 0 ? StreakDirection.Outperform : StreakDirection.Underperform,
                Math.Abs(length),
                Unsafe.Add(ref date, start),
                Unsafe.Add(ref date, Unsafe.Add(ref start, 1) - 1),
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(cumulative), k),
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(average), k));
        }
    }

    /// <summary>
    /// excess[t] = rA(t) − rB(t) = (CA(t)/CA(t−1) − 1) − (CB(t)/CB(t−1) − 1) for t in 1..end, vectorised: the same
    /// IEEE divisions and subtractions as <see cref="DailyReturn.Between"/>, so every value is bit-identical to the
    /// scalar definition. A difference of two finite doubles is 0 exactly when they are equal (gradual underflow)
    /// and otherwise has the sign of their comparison, so sign(excess) is exactly the SPEC comparison rA vs rB.
    /// (Cross-multiplying closes would avoid the divisions but can order near-ties differently, so it is not used.)
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DailyExcess(double[] closesA, double[] closesB, int end, double[] excess)
    {
        var t = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var a = ref MemoryMarshal.GetArrayDataReference(closesA);
            ref var b = ref MemoryMarshal.GetArrayDataReference(closesB);
            ref var e = ref MemoryMarshal.GetArrayDataReference(excess);
            var one = Vector256.Create(1.0);
            for (; t <= end - Vector256<double>.Count + 1; t += Vector256<double>.Count)
            {
                var returnA = (Vector256.LoadUnsafe(ref a, (nuint)t) / Vector256.LoadUnsafe(ref a, (nuint)(t - 1))) - one;
                var returnB = (Vector256.LoadUnsafe(ref b, (nuint)t) / Vector256.LoadUnsafe(ref b, (nuint)(t - 1))) - one;
                (returnA - returnB).StoreUnsafe(ref e, (nuint)t);
            }
        }

        for (; t <= end; t++)
        {
            excess[t] = DailyReturn.Between(closesA[t - 1], closesA[t]) - DailyReturn.Between(closesB[t - 1], closesB[t]);
        }
    }

    /// <summary>
    /// keeps[t] = −1 (all bits set) when day t has the same sign as day t−1, i.e. continues its run, else 0 (a run
    /// starts on day t; always on day 1). Vectorised: sign = (x &gt; 0) − (x &lt; 0) lane-wise.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Continuations(double[] excess, int end, long[] keeps)
    {
        var t = 2;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var x = ref MemoryMarshal.GetArrayDataReference(excess);
            ref var keep = ref MemoryMarshal.GetArrayDataReference(keeps);
            for (; t <= end - Vector256<double>.Count + 1; t += Vector256<double>.Count)
            {
                var current = Vector256.LoadUnsafe(ref x, (nuint)t);
                var previous = Vector256.LoadUnsafe(ref x, (nuint)(t - 1));
                var sign = Vector256.LessThan(current, Vector256<double>.Zero).AsInt64() - Vector256.GreaterThan(current, Vector256<double>.Zero).AsInt64();
                var previousSign = Vector256.LessThan(previous, Vector256<double>.Zero).AsInt64() - Vector256.GreaterThan(previous, Vector256<double>.Zero).AsInt64();
                Vector256.Equals(sign, previousSign).StoreUnsafe(ref keep, (nuint)t);
            }
        }

        for (; t <= end; t++)
        {
            keeps[t] = Math.Sign(excess[t]) == Math.Sign(excess[t - 1]) ? -1 : 0;
        }

        keeps[1] = 0;
    }

    /// <summary>
    /// Maximal runs of equal sign (ties form runs of sign 0) without data-dependent branches — a new run starts
    /// on about every other day, which a branch would mispredict: the start index is written ahead and the run
    /// counter advanced by 0 or 1, and the in-run sum is reset with the continuation mask. starts[k] = first day
    /// of run k, sums[k] = its excess summed in day order (0 + x₁ + x₂ …, exactly as a sequential loop).
    /// The days are split in two halves walked in the same loop, so the two summing dependency chains overlap;
    /// a run crossing the midpoint is re-summed sequentially when the halves are joined. Returns the run count.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Runs(double[] excess, long[] keeps, int end, int[] starts, double[] sums)
    {
        // First half: days 1..middle, runs from index 0. Second half: days middle+1..end, runs from index middle+1
        // (the first half has at most `middle` runs and writes one start ahead, so the two never overlap).
        var middle = end >= 16 ? end / 2 : end;
        var crossing = middle < end && keeps[middle + 1] != 0;
        if (middle < end)
        {
            keeps[middle + 1] = 0; // the second half starts a run of its own; joined below
        }

        ref var x = ref MemoryMarshal.GetArrayDataReference(excess);
        ref var keep = ref MemoryMarshal.GetArrayDataReference(keeps);
        ref var keepBits = ref Unsafe.As<long, double>(ref keep);
        ref var start = ref MemoryMarshal.GetArrayDataReference(starts);
        ref var sum = ref MemoryMarshal.GetArrayDataReference(sums);
        nint runA = -1, runB = middle;
        var totalA = Vector128<double>.Zero;
        var totalB = Vector128<double>.Zero;
        nint t = 1;
        nint offset = middle;
        nint pairedEnd = Math.Min(middle, end - middle);
        for (; t <= pairedEnd; t++)
        {
            var u = t + offset;
            Unsafe.Add(ref start, runA + 1) = (int)t; // kept only when a run starts here
            Unsafe.Add(ref start, runB + 1) = (int)u;
            runA += (nint)Unsafe.Add(ref keep, t) + 1;
            runB += (nint)Unsafe.Add(ref keep, u) + 1;
            totalA = (totalA & Vector128.Create(Unsafe.Add(ref keepBits, t))) + Vector128.CreateScalarUnsafe(Unsafe.Add(ref x, t));
            totalB = (totalB & Vector128.Create(Unsafe.Add(ref keepBits, u))) + Vector128.CreateScalarUnsafe(Unsafe.Add(ref x, u));
            Unsafe.Add(ref sum, runA) = totalA.ToScalar();
            Unsafe.Add(ref sum, runB) = totalB.ToScalar();
        }

        for (; t <= middle; t++)
        {
            Unsafe.Add(ref start, runA + 1) = (int)t;
            runA += (nint)Unsafe.Add(ref keep, t) + 1;
            totalA = (totalA & Vector128.Create(Unsafe.Add(ref keepBits, t))) + Vector128.CreateScalarUnsafe(Unsafe.Add(ref x, t));
            Unsafe.Add(ref sum, runA) = totalA.ToScalar();
        }

        for (var u = t + offset; u <= end; u++)
        {
            Unsafe.Add(ref start, runB + 1) = (int)u;
            runB += (nint)Unsafe.Add(ref keep, u) + 1;
            totalB = (totalB & Vector128.Create(Unsafe.Add(ref keepBits, u))) + Vector128.CreateScalarUnsafe(Unsafe.Add(ref x, u));
            Unsafe.Add(ref sum, runB) = totalB.ToScalar();
        }

        var runs = (int)runA + 1;
        if (middle == end)
        {
            return runs;
        }

        var secondFirst = middle + 1;
        var secondRuns = (int)runB - middle;
        if (crossing)
        {
            // The first half's last run continues into the second half's first run: sum on in day order.
            keeps[middle + 1] = -1;
            var joinedEnd = secondRuns > 1 ? starts[secondFirst + 1] - 1 : end;
            var total = sums[runs - 1];
            for (var day = middle + 1; day <= joinedEnd; day++)
            {
                total += excess[day];
            }

            sums[runs - 1] = total;
            secondFirst++;
            secondRuns--;
        }

        Array.Copy(starts, secondFirst, starts, runs, secondRuns);
        Array.Copy(sums, secondFirst, sums, runs, secondRuns);
        return runs + secondRuns;
    }

    /// <summary>
    /// Per run k over days s..e, four runs at a time: cumulative[k] = (CA(e)/CA(s−1) − 1) − (CB(e)/CB(s−1) − 1),
    /// sums[k] ← sums[k]/length (the average daily excess) — the same divisions as the scalar definition — and
    /// lengths[k] = length × sign of its days (0 for a tie run). <paramref name="cumulative"/> may be the excess
    /// array itself: run k's value is stored after the signs of runs k..k+3 are read, and later runs start on
    /// later days (starts[j] ≥ j + 1). Returns an upper bound of the longest length (the counting-sort table
    /// size) and the longest run of each direction (the most recent among equals; −1 when none); those record
    /// comparisons are rarely true after the first few runs, so their branches predict well.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int PerRun(
        double[] closesA, double[] closesB, int[] starts, int runs, double[] excess, double[] cumulative, double[] sums, int[] lengths,
        out int longestOut, out int longestUnder)
    {
        ref var a = ref MemoryMarshal.GetArrayDataReference(closesA);
        ref var b = ref MemoryMarshal.GetArrayDataReference(closesB);
        ref var x = ref MemoryMarshal.GetArrayDataReference(excess);
        ref var start = ref MemoryMarshal.GetArrayDataReference(starts);
        ref var cum = ref MemoryMarshal.GetArrayDataReference(cumulative);
        ref var sum = ref MemoryMarshal.GetArrayDataReference(sums);
        ref var length = ref MemoryMarshal.GetArrayDataReference(lengths);
        int bound = 0, bestOut = 1, bestUnder = 1, indexOut = -1, indexUnder = -1;
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create(1.0);
            for (; k <= runs - 4; k += 4)
            {
                var s0 = Unsafe.Add(ref start, k);
                var s1 = Unsafe.Add(ref start, k + 1);
                var s2 = Unsafe.Add(ref start, k + 2);
                var s3 = Unsafe.Add(ref start, k + 3);
                var s4 = Unsafe.Add(ref start, k + 4);
                var l0 = (s1 - s0) * Sign(Unsafe.Add(ref x, s0));
                var l1 = (s2 - s1) * Sign(Unsafe.Add(ref x, s1));
                var l2 = (s3 - s2) * Sign(Unsafe.Add(ref x, s2));
                var l3 = (s4 - s3) * Sign(Unsafe.Add(ref x, s3));
                var compoundedA = (Vector256.Create(Unsafe.Add(ref a, s1 - 1), Unsafe.Add(ref a, s2 - 1), Unsafe.Add(ref a, s3 - 1), Unsafe.Add(ref a, s4 - 1)) /
                    Vector256.Create(Unsafe.Add(ref a, s0 - 1), Unsafe.Add(ref a, s1 - 1), Unsafe.Add(ref a, s2 - 1), Unsafe.Add(ref a, s3 - 1))) - one;
                var compoundedB = (Vector256.Create(Unsafe.Add(ref b, s1 - 1), Unsafe.Add(ref b, s2 - 1), Unsafe.Add(ref b, s3 - 1), Unsafe.Add(ref b, s4 - 1)) /
                    Vector256.Create(Unsafe.Add(ref b, s0 - 1), Unsafe.Add(ref b, s1 - 1), Unsafe.Add(ref b, s2 - 1), Unsafe.Add(ref b, s3 - 1))) - one;
                (compoundedA - compoundedB).StoreUnsafe(ref cum, (nuint)k);
                var size = Vector256.Create((double)(s1 - s0), s2 - s1, s3 - s2, s4 - s3);
                (Vector256.LoadUnsafe(ref sum, (nuint)k) / size).StoreUnsafe(ref sum, (nuint)k);
                Vector128.Create(l0, l1, l2, l3).StoreUnsafe(ref length, (nuint)k);
                bound |= (s4 - s3) | (s3 - s2) | (s2 - s1) | (s1 - s0);
                Record(l0, k, ref bestOut, ref indexOut, ref bestUnder, ref indexUnder);
                Record(l1, k + 1, ref bestOut, ref indexOut, ref bestUnder, ref indexUnder);
                Record(l2, k + 2, ref bestOut, ref indexOut, ref bestUnder, ref indexUnder);
                Record(l3, k + 3, ref bestOut, ref indexOut, ref bestUnder, ref indexUnder);
            }
        }

        for (; k < runs; k++)
        {
            int first = starts[k], last = starts[k + 1] - 1;
            var signed = (last - first + 1) * Sign(excess[first]);
            lengths[k] = signed;
            bound |= last - first + 1;
            Record(signed, k, ref bestOut, ref indexOut, ref bestUnder, ref indexUnder);
            cumulative[k] = ((closesA[last] / closesA[first - 1]) - 1) - ((closesB[last] / closesB[first - 1]) - 1);
            sums[k] /= last - first + 1;
        }

        longestOut = indexOut;
        longestUnder = indexUnder;
        return bound;
    }

    /// <summary>Runs 0..runs−2 (the last run ends on the last day: running, or a tie run) matching the filter, in day order.</summary>
    private static CompletedStreaks Completed(RunTable table, int[] starts, int runs, CompletedStreakFilter filter, int offset, int count)
    {
        var sign = filter.Direction == StreakDirection.Outperform ? 1 : -1;
        var minLength = Math.Max(1, filter.MinLength);
        var total = 0;
        for (var k = 0; k < runs - 1; k++)
        {
            total += table.Lengths[k] * sign >= minLength ? 1 : 0;
        }

        var first = Math.Min(offset, total);
        var streaks = new OutperformanceStreak[(int)Math.Min((long)count, total - first)];
        var endIndexes = new int[total];
        var next = 0;
        for (var k = 0; k < runs - 1 && next < total; k++)
        {
            if (table.Lengths[k] * sign >= minLength)
            {
                if ((uint)(next - first) < (uint)streaks.Length)
                {
                    streaks[next - first] = table.Streak(k);
                }

                endIndexes[next++] = starts[k + 1] - 1;
            }
        }

        return new CompletedStreaks(filter, streaks, first, endIndexes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Sign(double value) => (value > 0 ? 1 : 0) - (value < 0 ? 1 : 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Record(int signed, int k, ref int bestOut, ref int indexOut, ref int bestUnder, ref int indexUnder)
    {
        if (signed >= bestOut)
        {
            bestOut = signed;
            indexOut = k;
        }

        if (-signed >= bestUnder)
        {
            bestUnder = -signed;
            indexUnder = k;
        }
    }

    /// <summary>Ranks the last run (the streak running on asOf) among the earlier streaks of its direction.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CurrentStreak Place(RunTable table)
    {
        var lengths = table.Lengths;
        var last = lengths.Length - 1;
        var current = lengths[last];
        var direction = current > 0 ? 1 : -1;
        var length = current * direction;

        // v = the earlier run's length when it has the current direction, ≤ 0 otherwise; counted without branches.
        var longerCount = 0;
        var k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var first = ref MemoryMarshal.GetReference(lengths);
            var signs = Vector256.Create(direction);
            var bar = Vector256.Create(length);
            var longer = Vector256<int>.Zero;
            for (; k <= last - Vector256<int>.Count; k += Vector256<int>.Count)
            {
                longer -= Vector256.GreaterThan(Vector256.LoadUnsafe(ref first, (nuint)k) * signs, bar); // −1 per longer run
            }

            longerCount = Vector256.Sum(longer);
        }

        for (; k < last; k++)
        {
            longerCount += (int)((uint)(length - (lengths[k] * direction)) >> 31);
        }

        // Most recent earlier streak at least as long: found scanning backwards (the branch is rarely taken).
        var previous = -1;
        for (var j = last - 1; j >= 0; j--)
        {
            if (lengths[j] * direction >= length)
            {
                previous = j;
                break;
            }
        }

        // No earlier streak ≥ current ⇔ record; some, none longer ⇔ the longest earlier one is exactly as long.
        return new CurrentStreak(
            table.Streak(last),
            1 + longerCount,
            previous < 0,
            previous >= 0 && longerCount == 0,
            previous >= 0 ? table.Streak(previous) : null);
    }

    /// <summary>
    /// Streaks ≥ minLength, longest first, equal lengths most recent first (counting sort, stable); only the
    /// positions [offset, offset + count) are materialised, <paramref name="total"/> is the full count.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static OutperformanceStreak[] History(RunTable table, int maxLength, int minLength, int offset, int count, out int total)
    {
        var lengths = table.Lengths;

        // slot[L] = number of streaks of length L, then the first free position for length L.
        var slot = ArrayPool<int>.Shared.Rent(maxLength + 1);
        try
        {
            Array.Clear(slot, 0, maxLength + 1);
            ref var next = ref MemoryMarshal.GetArrayDataReference(slot);
            foreach (var signed in lengths)
            {
                Unsafe.Add(ref next, Math.Abs(signed))++;
            }

            var position = 0;
            for (var length = maxLength; length >= minLength; length--)
            {
                var lengthCount = slot[length];
                slot[length] = position;
                position += lengthCount;
            }

            total = position;
            var size = Math.Clamp(position - offset, 0, count);

            // Every element is written below, so the (for long histories large-object-heap) array is not zeroed.
            var history = GC.AllocateUninitializedArray<OutperformanceStreak>(size);
            ref var first = ref MemoryMarshal.GetArrayDataReference(history);
            for (var k = lengths.Length - 1; k >= 0; k--)
            {
                var length = Math.Abs(lengths[k]);
                if (length >= minLength)
                {
                    var target = Unsafe.Add(ref next, length)++ - offset;
                    if ((uint)target < (uint)size)
                    {
                        Unsafe.Add(ref first, target) = table.Streak(k);
                    }
                }
            }

            return history;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(slot);
        }
    }
}
