namespace ProductStore.Storefront;

public static class NotAnApi
{
    /// <summary>
    /// The gateway sends every path that is not a public API route here; an unknown /api or /internal path still gets
    /// the 404 problem an API client expects, not a shop page.
    /// </summary>
    public static WebApplication MapNotAnApi(this WebApplication app)
    {
        static IResult NotFound(string? rest) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: "No API route matches this path.");
        app.Map("/api/{**rest}", NotFound);
        app.Map("/internal/{**rest}", NotFound);
        return app;
    }
}
