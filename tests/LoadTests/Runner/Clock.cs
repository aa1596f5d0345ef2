using System.Diagnostics;

namespace ProductStore.LoadTests.Runner;

/// <summary>Stopwatch timestamps: the runner's one clock.</summary>
internal static class Clock
{
    private static readonly double MicrosecondsPerTick = 1_000_000.0 / Stopwatch.Frequency;

    public static long Microseconds(long from, long to) => (long)((to - from) * MicrosecondsPerTick);

    public static long After(long timestamp, double seconds) => timestamp + (long)(seconds * Stopwatch.Frequency);
}
