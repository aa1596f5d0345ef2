using Microsoft.Extensions.Logging.Console;

namespace ProductStore.ServiceDefaults.Logging;

public static class JsonLogging
{
    /// <summary>One JSON object per line on stdout, carrying the service name and the current trace.</summary>
    public static WebApplicationBuilder AddJsonLogging(this WebApplicationBuilder builder)
    {
        var service = ServiceName.From(builder.Configuration, builder.Environment);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.FormatterName = JsonLineFormatter.FormatterName);
        builder.Logging.AddConsoleFormatter<JsonLineFormatter, ConsoleFormatterOptions>();
        builder.Services.Configure<JsonLineFormatterSettings>(s => s.Service = service);
        return builder;
    }
}

public sealed class JsonLineFormatterSettings
{
    public string Service { get; set; } = "";
}
