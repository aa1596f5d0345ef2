using System.Diagnostics;

namespace ProductStore.LoadTests.Runner;

/// <summary>A named, separately timed part of an iteration. Exceptions become failed responses, so a scenario never crashes the run.</summary>
public static class Step
{
    public static Task<Response> Run(string name, ScenarioContext context, Func<Task<Response>> run) =>
        Timed(name, context, run, static exception => Response.FromException<object>(exception));

    /// <summary>A step whose response carries a value (a page, a token, an order) to the next step.</summary>
    public static Task<Response<T>> Run<T>(string name, ScenarioContext context, Func<Task<Response<T>>> run) =>
        Timed(name, context, run, Response.FromException<T>);

    private static async Task<TResponse> Timed<TResponse>(string name, ScenarioContext context, Func<Task<TResponse>> run, Func<Exception, TResponse> failure)
        where TResponse : Response
    {
        var start = context.TakeStepStart();
        TResponse response;
        try
        {
            response = await run();
        }
        catch (Exception exception)
        {
            response = failure(exception);
        }
        context.Recorder.Step(name).Record(response, Clock.Microseconds(start, Stopwatch.GetTimestamp()));
        return response;
    }
}
