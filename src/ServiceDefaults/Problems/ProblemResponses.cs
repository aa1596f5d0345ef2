using Microsoft.AspNetCore.Routing;

namespace ProductStore.ServiceDefaults.Problems;

public static class ProblemResponses
{
    /// <summary>Every error leaves as RFC 9457 ProblemDetails: thrown, bare status codes and bad requests alike.</summary>
    public static WebApplicationBuilder AddProblemResponses(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ClientErrorExceptionHandler>();
        builder.Services.AddExceptionHandler<DependencyFailureExceptionHandler>();
        // Binding failures (malformed JSON, unparsable query values) throw, so the handler can say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
