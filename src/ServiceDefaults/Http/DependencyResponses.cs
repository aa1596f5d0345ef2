using ProductStore.ServiceDefaults.Problems;

namespace ProductStore.ServiceDefaults.Http;

public static class DependencyResponses
{
    /// <summary>
    /// Throws <see cref="DependencyUnavailableException"/> (503 to our caller) unless <paramref name="dependency"/> answered
    /// with success; <paramref name="call"/> completes "{dependency} answered {status} …" for the log.
    /// </summary>
    public static HttpResponseMessage EnsureAnswered(this HttpResponseMessage response, string dependency, string call) =>
        response.IsSuccessStatusCode
            ? response
            : throw new DependencyUnavailableException($"{dependency} answered {(int)response.StatusCode} {call}.");
}
