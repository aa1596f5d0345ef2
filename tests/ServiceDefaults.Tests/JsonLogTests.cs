using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProductStore.ServiceDefaults.Logging;

namespace ProductStore.ServiceDefaults.Tests;

public class JsonLogTests
{
    private static JsonElement Format(LogLevel level, string template, object?[] args, Exception? exception = null)
    {
        var formatter = new JsonLineFormatter(Options.Create(new JsonLineFormatterSettings { Service = "catalog" }));
        var state = new FormattedLogValuesProbe(template, args);
        var writer = new StringWriter();
        formatter.Write(new LogEntry<FormattedLogValuesProbe>(level, "Tests.Category", new EventId(7), state, exception, (s, _) => s.ToString()), null, writer);
        var line = writer.ToString();
        Assert.EndsWith("\n", line);
        Assert.DoesNotContain('\n', line.TrimEnd('\n'));
        return JsonDocument.Parse(line).RootElement;
    }

    [Fact]
    public void A_line_carries_time_level_service_message_and_attributes()
    {
        var line = Format(LogLevel.Warning, "Order {OrderId} took {Ms} ms", ["o-1", 12]);

        Assert.True(DateTimeOffset.TryParse(line.GetProperty("timestamp").GetString(), out _));
        Assert.Equal("Warning", line.GetProperty("level").GetString());
        Assert.Equal("catalog", line.GetProperty("service").GetString());
        Assert.Equal("Tests.Category", line.GetProperty("category").GetString());
        Assert.Equal("Order o-1 took 12 ms", line.GetProperty("message").GetString());
        Assert.Equal("o-1", line.GetProperty("attributes").GetProperty("OrderId").GetString());
        Assert.Equal(7, line.GetProperty("eventId").GetInt32());
        Assert.False(line.TryGetProperty("traceId", out _));
    }

    [Fact]
    public void A_line_written_inside_a_span_carries_its_trace_and_span_ids()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();
        var line = Format(LogLevel.Information, "inside", []);

        Assert.Equal(activity.TraceId.ToHexString(), line.GetProperty("traceId").GetString());
        Assert.Equal(activity.SpanId.ToHexString(), line.GetProperty("spanId").GetString());
    }

    [Fact]
    public void Exceptions_are_kept_whole_on_one_line()
    {
        var line = Format(LogLevel.Error, "failed", [], new InvalidOperationException("bad\nthing"));
        Assert.Contains("InvalidOperationException: bad\nthing", line.GetProperty("exception").GetString());
    }

    /// <summary>The same key/value shape the logging source generator and LoggerMessage produce.</summary>
    private sealed class FormattedLogValuesProbe(string template, object?[] args) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly string[] _names = System.Text.RegularExpressions.Regex.Matches(template, "{(\\w+)}").Select(m => m.Groups[1].Value).ToArray();

        public KeyValuePair<string, object?> this[int index] =>
            index < _names.Length ? new(_names[index], args[index]) : new("{OriginalFormat}", template);

        public int Count => _names.Length + 1;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString()
        {
            var message = template;
            for (var i = 0; i < _names.Length; i++) message = message.Replace("{" + _names[i] + "}", Convert.ToString(args[i], System.Globalization.CultureInfo.InvariantCulture));
            return message;
        }
    }
}
