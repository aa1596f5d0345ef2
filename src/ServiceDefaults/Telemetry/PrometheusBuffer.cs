using System.Globalization;
using System.Text;

namespace ProductStore.ServiceDefaults.Telemetry;

/// <summary>
/// A growable UTF-8 buffer, reused from scrape to scrape, with the few escapes and number formats the
/// Prometheus text format needs. Writing a series allocates nothing once the buffer has grown to size.
/// </summary>
internal sealed class PrometheusBuffer(int initialSize)
{
    private byte[] _bytes = new byte[initialSize];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Free(bytes.Length));
        Length += bytes.Length;
    }

    public void Write(byte value)
    {
        Free(1)[0] = value;
        Length++;
    }

    public void WriteNumber(long value) => WriteFormatted(value);

    /// <summary>Go's ParseFloat reads .NET's shortest round-trip form ("1E-05"); infinities and NaN have their own spelling.</summary>
    public void WriteNumber(double value)
    {
        if (double.IsPositiveInfinity(value)) Write("+Inf"u8);
        else if (double.IsNegativeInfinity(value)) Write("-Inf"u8);
        else if (double.IsNaN(value)) Write("NaN"u8);
        else WriteFormatted(value);
    }

    /// <summary>Label names match [a-zA-Z_][a-zA-Z0-9_]*: every other character becomes '_'.</summary>
    public void WriteLabelName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) Write("key_"u8);
        var span = Free(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            span[i] = char.IsAsciiLetterOrDigit(c) || c == '_' ? (byte)c : (byte)'_';
        }
        Length += name.Length;
    }

    public void WriteLabelValue(object? value)
    {
        switch (value)
        {
            case null: break;
            case string text: WriteEscaped(text, escapeQuotes: true); break;
            case bool flag: Write(flag ? "true"u8 : "false"u8); break;
            case double number: WriteNumber(number); break;
            case IUtf8SpanFormattable formattable: WriteFormatted(formattable); break;
            default: WriteEscaped(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", escapeQuotes: true); break;
        }
    }

    /// <summary>Backslash and newline are escaped in HELP text and label values; double quotes only in label values.</summary>
    public void WriteEscaped(string text, bool escapeQuotes)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var escape = text[i] switch
            {
                '\\' => "\\\\"u8,
                '\n' => "\\n"u8,
                '"' when escapeQuotes => "\\\""u8,
                _ => default,
            };
            if (escape.IsEmpty) continue;
            WriteUtf8(text.AsSpan(start, i - start));
            Write(escape);
            start = i + 1;
        }
        WriteUtf8(text.AsSpan(start));
    }

    public byte[] ToArray() => Written.ToArray();

    public void WriteUtf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        Length += Encoding.UTF8.GetBytes(text, Free(Encoding.UTF8.GetMaxByteCount(text.Length)));
    }

    private void WriteFormatted<T>(T value) where T : IUtf8SpanFormattable
    {
        int written;
        for (var size = 32; !value.TryFormat(Free(size), out written, default, CultureInfo.InvariantCulture); size *= 2) { }
        Length += written;
    }

    private Span<byte> Free(int size)
    {
        if (_bytes.Length - Length < size) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, Length + size));
        return _bytes.AsSpan(Length);
    }
}
