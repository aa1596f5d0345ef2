using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProductStore.ServiceDefaults.Telemetry;

/// <summary>
/// A span, a duration histogram and a counter for every database call, tagged by system, operation and
/// outcome, whichever store (SQLite or Cassandra) serves it. Names follow OpenTelemetry's database conventions.
/// </summary>
public static class DatabaseTelemetry
{
    public const string SourceName = "ProductStore.Database";
    public const string Sqlite = "sqlite";
    public const string Cassandra = "cassandra";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "db.client.operation.duration", "s", "Duration of database calls.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "productstore.db.operations", "{operation}", "Database calls by operation and outcome.");

    public static Call Start(string system, string operation)
    {
        var activity = Source.StartActivity(operation, ActivityKind.Client);
        activity?.SetTag("db.system.name", system);
        activity?.SetTag("db.operation.name", operation);
        return new Call(system, operation, activity, Stopwatch.GetTimestamp());
    }

    /// <summary>One database call in flight; disposing it records it, as an error unless <see cref="Succeeded"/> was called.</summary>
    public sealed class Call(string system, string operation, Activity? activity, long started) : IDisposable
    {
        private bool _succeeded;

        public void Succeeded() => _succeeded = true;

        public void Dispose()
        {
            var outcome = _succeeded ? "ok" : "error";
            var tags = new TagList
            {
                { "db.system.name", system },
                { "db.operation.name", operation },
                { "outcome", outcome },
            };
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            Calls.Add(1, tags);
            if (activity is null) return;
            if (!_succeeded) activity.SetStatus(ActivityStatusCode.Error);
            activity.Dispose();
        }
    }
}
