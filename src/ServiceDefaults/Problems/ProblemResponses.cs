using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ProductStore.ServiceDefaults.Problems;

public static class ProblemResponses
{
    /// <summary>Every error leaves as RFC 9457 ProblemDetails: thrown, bare status codes and bad requests alike.</summary>
    public static WebApplicationBuilder AddProblemResponses(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ClientErrorExceptionHandler>();
        builder.Services.AddExceptionHandler<DependencyFailureExceptionHandler>();
        builder.Services.AddExceptionHandler<StorageFailureExceptionHandler>();
        // Binding failures (malformed JSON, unparsable query values) throw, so the handler can say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<KestrelServerOptions>(o =>
            o.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long>("Limits:MaxRequestBodyBytes", 1024 * 1024));
        return builder;
    }

    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
