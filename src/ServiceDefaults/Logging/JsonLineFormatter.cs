using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ProductStore.ServiceDefaults.Logging;

/// <summary>
/// Writes {timestamp, level, service, category, message, traceId, spanId, attributes, exception}.
/// The console logger calls formatters on the logging thread, so Activity.Current is the request's span.
/// </summary>
public sealed class JsonLineFormatter(IOptions<JsonLineFormatterSettings> settings) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "productstore-json";
    // Log lines are read by people and log shippers, not embedded in HTML: keep '+' and quotes readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string _service = settings.Value.Service;

    public override void Write<TState>(in LogEntry<TState> entry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = entry.Formatter(entry.State, entry.Exception);
        if (message is null && entry.Exception is null) return;

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("level", LevelName(entry.LogLevel));
            json.WriteString("service", _service);
            json.WriteString("category", entry.Category);
            json.WriteString("message", message);
            if (Activity.Current is { } activity)
            {
                json.WriteString("traceId", activity.TraceId.ToHexString());
                json.WriteString("spanId", activity.SpanId.ToHexString());
            }
            if (entry.EventId.Id != 0) json.WriteNumber("eventId", entry.EventId.Id);
            WriteAttributes(json, entry.State);
            if (entry.Exception is not null) json.WriteString("exception", entry.Exception.ToString());
            json.WriteEndObject();
        }
        textWriter.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        textWriter.Write('\n');
    }

    private static void WriteAttributes<TState>(Utf8JsonWriter json, TState state)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> pairs || pairs.Count <= 1) return;
        json.WriteStartObject("attributes");
        foreach (var (key, value) in pairs)
        {
            if (key == "{OriginalFormat}") continue;
            json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
        }
        json.WriteEndObject();
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "Trace",
        LogLevel.Debug => "Debug",
        LogLevel.Information => "Information",
        LogLevel.Warning => "Warning",
        LogLevel.Error => "Error",
        LogLevel.Critical => "Critical",
        _ => "None",
    };
}
