namespace ProductStore.LoadTests.Stats;

/// <summary>
/// A log-linear histogram of non-negative integers (HdrHistogram's layout; tests/LoadTests/README.md says why not the package): values below 256 are kept
/// exactly, above that every power of two is split into 128 linear buckets, so a reported value is within 1/256 (0.4%) of the true one.
/// Recording is lock-free (Interlocked), so every thread records into one shared instance; histograms merge by adding counts.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;
    private const int SubBucketCount = 1 << SubBucketBits;
    private const int ExactLimit = SubBucketCount * 2;
    private const int FirstLogExponent = SubBucketBits + 1;

    /// <summary>Larger values are clamped: 2^42 µs is 50 days.</summary>
    public const long MaxValue = (1L << 42) - 1;

    /// <summary>The worst relative error of a reported value.</summary>
    public const double RelativeError = 1.0 / ExactLimit;

    private static readonly int BucketCount = IndexOf(MaxValue) + 1;

    private readonly long[] _counts = new long[BucketCount];
    private long _count;
    private long _sum;
    private long _min = long.MaxValue;
    private long _max = -1;

    public long Count => Volatile.Read(ref _count);
    public long Min => Count == 0 ? 0 : Volatile.Read(ref _min);
    public long Max => Count == 0 ? 0 : Volatile.Read(ref _max);
    public double Mean => Count == 0 ? 0 : (double)Volatile.Read(ref _sum) / Count;

    public void Record(long value)
    {
        value = Math.Clamp(value, 0, MaxValue);
        Interlocked.Increment(ref _counts[IndexOf(value)]);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sum, value);
        UpdateMin(value);
        UpdateMax(value);
    }

    /// <summary>Adds another histogram's counts to this one.</summary>
    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < BucketCount; i++)
        {
            var count = Volatile.Read(ref other._counts[i]);
            if (count != 0) Interlocked.Add(ref _counts[i], count);
        }
        if (other.Count == 0) return;
        Interlocked.Add(ref _count, other.Count);
        Interlocked.Add(ref _sum, Volatile.Read(ref other._sum));
        UpdateMin(other.Min);
        UpdateMax(other.Max);
    }

    /// <summary>
    /// The value at percentile <paramref name="percentile"/> (0..100): the bucket holding the ceil(p·n)-th smallest value,
    /// reported as its midpoint and clamped to the recorded min and max, so p0 is the exact min and p100 the exact max.
    /// </summary>
    public long Percentile(double percentile)
    {
        var count = Count;
        if (count == 0) return 0;
        var rank = Math.Clamp((long)Math.Ceiling(percentile / 100 * count), 1, count);
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += Volatile.Read(ref _counts[i]);
            if (seen >= rank) return Math.Clamp(Midpoint(i), Min, Max);
        }
        return Max;
    }

    internal static int IndexOf(long value)
    {
        if (value < ExactLimit) return (int)value;
        var exponent = 63 - (int)long.LeadingZeroCount(value);
        var subBucket = (int)(value >> (exponent - SubBucketBits));
        return ExactLimit + (exponent - FirstLogExponent) * SubBucketCount + subBucket - SubBucketCount;
    }

    private static long Midpoint(int index)
    {
        if (index < ExactLimit) return index;
        var offset = index - ExactLimit;
        var shift = offset / SubBucketCount + FirstLogExponent - SubBucketBits;
        var lowest = (long)(offset % SubBucketCount + SubBucketCount) << shift;
        return lowest + ((1L << shift) - 1) / 2;
    }

    private void UpdateMin(long value)
    {
        var current = Volatile.Read(ref _min);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref _min, value, current);
            if (seen == current) return;
            current = seen;
        }
    }

    private void UpdateMax(long value)
    {
        var current = Volatile.Read(ref _max);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref _max, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
