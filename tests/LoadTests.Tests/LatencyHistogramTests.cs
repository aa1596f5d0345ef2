using FsCheck;
using FsCheck.Fluent;
using ProductStore.LoadTests.Stats;

namespace ProductStore.LoadTests.Tests;

public sealed class LatencyHistogramTests
{
    private static readonly double[] Percentiles = [0, 50, 75, 95, 99, 99.9, 100];

    /// <summary>Latency-like samples: many magnitudes (1 µs to ~1 h), so both the exact and the logarithmic buckets get hit.</summary>
    private static readonly Gen<long[]> Samples =
        Gen.Choose(0, 32).SelectMany(bits => Gen.Choose(0, int.MaxValue).Select(r => bits == 0 ? 0L : (long)(r / (double)int.MaxValue * (1L << bits))))
            .ArrayOf().Where(values => values.Length > 0);

    [Fact]
    public void Percentiles_are_within_the_relative_error_of_the_exact_sorted_values() =>
        Prop.ForAll(Samples.ToArbitrary(), values =>
        {
            var histogram = Record(values);
            var sorted = values.Order().ToArray();
            return Percentiles.All(p =>
            {
                var exact = Exact(sorted, p);
                return Math.Abs(histogram.Percentile(p) - exact) <= exact * LatencyHistogram.RelativeError;
            });
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Count_min_max_and_mean_are_exact() =>
        Prop.ForAll(Samples.ToArbitrary(), values =>
        {
            var histogram = Record(values);
            return histogram.Count == values.Length && histogram.Min == values.Min() && histogram.Max == values.Max()
                && Math.Abs(histogram.Mean - values.Average()) < 1e-6 * Math.Max(1, values.Average());
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Merging_two_histograms_equals_recording_everything_into_one() =>
        Prop.ForAll(Samples.ToArbitrary(), Samples.ToArbitrary(), (left, right) =>
        {
            var merged = Record(left);
            merged.Add(Record(right));
            var whole = Record([.. left, .. right]);
            return merged.Count == whole.Count && merged.Min == whole.Min && merged.Max == whole.Max && merged.Mean == whole.Mean
                && Percentiles.All(p => merged.Percentile(p) == whole.Percentile(p));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Small_values_are_exact()
    {
        var values = Enumerable.Range(0, 256).Select(v => (long)v).ToArray();
        var histogram = Record(values);

        Assert.Equal(127, histogram.Percentile(50));
        Assert.Equal(253, histogram.Percentile(99));
        Assert.Equal(255, histogram.Percentile(100));
    }

    [Fact]
    public void Concurrent_recording_loses_nothing()
    {
        var histogram = new LatencyHistogram();

        Parallel.For(0, 8, thread =>
        {
            for (var i = 1; i <= 100_000; i++) histogram.Record(i);
        });

        Assert.Equal(800_000, histogram.Count);
        Assert.Equal(1, histogram.Min);
        Assert.Equal(100_000, histogram.Max);
        Assert.Equal(50_000.5, histogram.Mean, 3);
        Assert.InRange(histogram.Percentile(50), 50_000 * (1 - LatencyHistogram.RelativeError), 50_000 * (1 + LatencyHistogram.RelativeError));
    }

    [Fact]
    public void An_empty_histogram_reports_zeros()
    {
        var histogram = new LatencyHistogram();

        Assert.Equal(0, histogram.Percentile(99));
        Assert.Equal(0, histogram.Max);
        Assert.Equal(0, histogram.Mean);
    }

    private static LatencyHistogram Record(IEnumerable<long> values)
    {
        var histogram = new LatencyHistogram();
        foreach (var value in values) histogram.Record(value);
        return histogram;
    }

    private static long Exact(long[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length), 1, sorted.Length) - 1];
}
