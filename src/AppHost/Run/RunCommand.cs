using System.Runtime.InteropServices;
using ProductStore.AppHost.Model;

namespace ProductStore.AppHost.Run;

/// <summary><c>dotnet run --project src/AppHost</c>: start everything, print where it runs, stop it all on Ctrl+C.</summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(AppModel model, RunSettings settings)
    {
        using var stopping = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        var started = System.Diagnostics.Stopwatch.StartNew();
        DistributedApplication app;
        try
        {
            app = await DistributedApplication.StartAsync(model, settings, stopping.Token);
        }
        catch (ResourceStartException e)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine(e.Message);
            if (e.RecentOutput.Length > 0)
            {
                Console.Error.WriteLine($"Last lines from '{e.Resource}':");
                Console.Error.WriteLine(e.RecentOutput);
            }
            return 1;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }

        await using (app)
        {
            PrintSummary(app, started.Elapsed);
            try
            {
                await Task.Delay(Timeout.Infinite, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping every process...");
            }
        }
        Console.WriteLine("Stopped.");
        return 0;

        void Stop(PosixSignalContext context)
        {
            // Keep the AppHost alive long enough to stop its children in order.
            context.Cancel = true;
            stopping.Cancel();
        }
    }

    private static void PrintSummary(DistributedApplication app, TimeSpan elapsed)
    {
        var rows = app.Resources.Select(r => (r.Name, Url: app.EndpointOf(r.Name).ToString(), Health: new Uri(app.EndpointOf(r.Name), r.HealthPath).ToString())).ToList();
        rows.Add(("swagger", new Uri(app.EndpointOf("gateway"), "swagger").ToString(), ""));
        var nameWidth = rows.Max(r => r.Name.Length);
        var urlWidth = rows.Max(r => r.Url.Length);
        Console.WriteLine();
        Console.WriteLine($"ProductStore is ready in {elapsed.TotalSeconds:0.0} s. Shoppers use the gateway: {app.EndpointOf("gateway")}api/...");
        Console.WriteLine($"  {"resource".PadRight(nameWidth)}  {"url".PadRight(urlWidth)}  health");
        foreach (var (name, url, health) in rows) Console.WriteLine($"  {name.PadRight(nameWidth)}  {url.PadRight(urlWidth)}  {health}");
        foreach (var notice in app.Notices) Console.WriteLine($"  note: {notice}");
        Console.WriteLine("Press Ctrl+C to stop everything.");
        Console.WriteLine();
    }
}
