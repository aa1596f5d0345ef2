using System.Runtime.CompilerServices;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace ProductStore.ServiceDefaults.Telemetry;

/// <summary>
/// Renders the SDK's cumulative metrics as Prometheus text (format 0.0.4) into the buffer of the scrape that asked
/// for them. Instruments that map to the same name (the same instrument name in two meters) share one HELP/TYPE
/// header, and a series already written under that name is not written twice.
/// </summary>
internal sealed class PrometheusExporter : BaseExporter<Metric>
{
    private readonly ConditionalWeakTable<Metric, PrometheusFamily> _families = new();
    private readonly List<(Metric Metric, PrometheusFamily Family)> _batch = [];
    private readonly HashSet<string> _writtenNames = new(StringComparer.Ordinal);
    private readonly List<ReadOnlyTagCollection> _writtenLabelSets = [];
    private readonly PrometheusBuffer _labels = new(1024);
    private readonly string[] _reservedNames;
    private PrometheusBuffer? _output;
    private int _outputThread;

    public PrometheusExporter(string[] reservedNames) => _reservedNames = reservedNames;

    /// <summary>Collects through <paramref name="reader"/> and renders what it exports into <paramref name="output"/>.</summary>
    public void Render(MetricReader reader, PrometheusBuffer output)
    {
        _output = output;
        _outputThread = Environment.CurrentManagedThreadId;
        try
        {
            reader.Collect();
        }
        finally
        {
            _output = null;
        }
    }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        // The SDK exports on the collecting thread; a collection nobody scraped for (the one at shutdown) is dropped.
        var output = _output;
        if (output is null || _outputThread != Environment.CurrentManagedThreadId) return ExportResult.Success;

        _batch.Clear();
        foreach (var metric in batch)
        {
            var family = _families.GetValue(metric, PrometheusFamily.Describe);
            if (family != PrometheusFamily.Unsupported) _batch.Add((metric, family));
        }

        _writtenNames.Clear();
        foreach (var name in _reservedNames) _writtenNames.Add(name);
        for (var i = 0; i < _batch.Count; i++)
        {
            var (metric, family) = _batch[i];
            if (!ClaimNames(family)) continue;
            output.Write(family.Header);
            _writtenLabelSets.Clear();
            var shared = HasNamesake(i);
            WritePoints(output, metric, family, shared);
            for (var j = i + 1; shared && j < _batch.Count; j++)
            {
                var namesake = _batch[j];
                if (namesake.Family.Name == family.Name && namesake.Family.Kind == family.Kind)
                    WritePoints(output, namesake.Metric, namesake.Family, shared); // its own bucket bounds
            }
        }
        return ExportResult.Success;
    }

    /// <summary>Two families may not share a series name: promtool rejects a second TYPE line, Prometheus a duplicate series.</summary>
    private bool ClaimNames(PrometheusFamily family)
    {
        foreach (var name in family.SeriesNames)
            if (_writtenNames.Contains(name)) return false;
        foreach (var name in family.SeriesNames) _writtenNames.Add(name);
        return true;
    }

    private bool HasNamesake(int index)
    {
        for (var j = index + 1; j < _batch.Count; j++)
            if (_batch[j].Family.Name == _batch[index].Family.Name) return true;
        return false;
    }

    private void WritePoints(PrometheusBuffer output, Metric metric, PrometheusFamily family, bool shared)
    {
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            if (shared)
            {
                if (AlreadyWritten(point.Tags)) continue;
                _writtenLabelSets.Add(point.Tags);
            }
            WriteLabels(point.Tags);
            switch (metric.MetricType)
            {
                case MetricType.LongSum or MetricType.LongSumNonMonotonic:
                    WriteSeries(output, family.Series, point.GetSumLong());
                    break;
                case MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic:
                    WriteSeries(output, family.Series, point.GetSumDouble());
                    break;
                case MetricType.LongGauge:
                    WriteSeries(output, family.Series, point.GetGaugeLastValueLong());
                    break;
                case MetricType.DoubleGauge:
                    WriteSeries(output, family.Series, point.GetGaugeLastValueDouble());
                    break;
                case MetricType.Histogram:
                    WriteHistogram(output, family, point);
                    break;
            }
        }
    }

    private void WriteHistogram(PrometheusBuffer output, PrometheusFamily family, in MetricPoint point)
    {
        var bounds = family.BucketBounds ??= FormatBounds(point);
        var cumulative = 0L;
        var index = 0;
        foreach (var bucket in point.GetHistogramBuckets())
        {
            cumulative += bucket.BucketCount;
            output.Write(family.Bucket);
            output.Write((byte)'{');
            if (_labels.Length > 0)
            {
                output.Write(_labels.Written);
                output.Write((byte)',');
            }
            output.Write(bounds[index++]);
            output.Write("} "u8);
            output.WriteNumber(cumulative);
            output.Write((byte)'\n');
        }
        WriteSeries(output, family.Sum, point.GetHistogramSum());
        WriteSeries(output, family.Count, point.GetHistogramCount());
    }

    private static byte[][] FormatBounds(in MetricPoint point)
    {
        var bounds = new List<byte[]>();
        var label = new PrometheusBuffer(32);
        foreach (var bucket in point.GetHistogramBuckets())
        {
            label.Clear();
            label.Write("le=\""u8);
            label.WriteNumber(bucket.ExplicitBound);
            label.Write((byte)'"');
            bounds.Add(label.ToArray());
        }
        return [.. bounds];
    }

    private void WriteLabels(ReadOnlyTagCollection tags)
    {
        _labels.Clear();
        foreach (var tag in tags)
        {
            if (_labels.Length > 0) _labels.Write((byte)',');
            _labels.WriteLabelName(tag.Key);
            _labels.Write("=\""u8);
            _labels.WriteLabelValue(tag.Value);
            _labels.Write((byte)'"');
        }
    }

    private void WriteSeries(PrometheusBuffer output, byte[] name, long value)
    {
        WriteSeriesName(output, name);
        output.WriteNumber(value);
        output.Write((byte)'\n');
    }

    private void WriteSeries(PrometheusBuffer output, byte[] name, double value)
    {
        WriteSeriesName(output, name);
        output.WriteNumber(value);
        output.Write((byte)'\n');
    }

    private void WriteSeriesName(PrometheusBuffer output, byte[] name)
    {
        output.Write(name);
        if (_labels.Length > 0)
        {
            output.Write((byte)'{');
            output.Write(_labels.Written);
            output.Write((byte)'}');
        }
        output.Write((byte)' ');
    }

    private bool AlreadyWritten(ReadOnlyTagCollection tags)
    {
        foreach (var written in _writtenLabelSets)
            if (SameLabels(written, tags)) return true;
        return false;
    }

    private static bool SameLabels(ReadOnlyTagCollection left, ReadOnlyTagCollection right)
    {
        if (left.Count != right.Count) return false;
        foreach (var tag in left)
        {
            var found = false;
            foreach (var other in right)
                if (found = tag.Key == other.Key && Equals(tag.Value, other.Value)) break;
            if (!found) return false;
        }
        return true;
    }
}
