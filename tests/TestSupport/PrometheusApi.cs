using System.Globalization;
using System.Text.Json;

namespace ProductStore.TestSupport;

/// <summary>The answer of Prometheus' /api/v1/query: status, result type and the series (or scalar) it returned.</summary>
public sealed record QueryResult(string Status, string? ResultType, IReadOnlyList<JsonElement> Series, string? Error)
{
    /// <summary>The sample values of a vector result ("NaN" and "+Inf" included, as Prometheus writes them).</summary>
    public IEnumerable<string> Values => Series.Select(s => s.GetProperty("value")[1].GetString()!);

    /// <summary>Why a panel showing this answer would be empty (an error, no series, only NaN or infinities); null when it has data.</summary>
    public string? Gap =>
        Status != "success" ? $"{Status}: {Error}"
        : Series.Count == 0 ? "no data"
        // A quantile or ratio over mismatched labels gives NaN, not an empty result.
        : Values.Any(IsNumber) ? null
        : $"only {string.Join(", ", Values)}";

    private static bool IsNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);
}

/// <summary>Prometheus' HTTP API at an address: instant queries and other JSON endpoints.</summary>
public sealed class PrometheusApi(Uri address) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Runs an instant query.</summary>
    public async Task<QueryResult> QueryAsync(string expr)
    {
        using var response = await _http.PostAsync("api/v1/query", new FormUrlEncodedContent([new("query", expr)]));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        var status = root.GetProperty("status").GetString()!;
        var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
        if (!root.TryGetProperty("data", out var data)) return new QueryResult(status, null, [], error);
        var resultType = data.GetProperty("resultType").GetString();
        var result = data.GetProperty("result");
        IReadOnlyList<JsonElement> series = resultType is "vector" or "matrix"
            ? result.EnumerateArray().Select(s => s.Clone()).ToList()
            : [JsonDocument.Parse($"{{\"value\":{result.GetRawText()}}}").RootElement.Clone()];
        return new QueryResult(status, resultType, series, error);
    }

    /// <summary>GETs an API path (e.g. api/v1/rules) and returns its JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var body = JsonDocument.Parse(await _http.GetStringAsync(path));
        return body.RootElement.Clone();
    }

    /// <summary>Whether Prometheus answers -/ready with 200 (false while it is not listening yet).</summary>
    public async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await _http.GetAsync("-/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>
    /// Retries each check (null = passed) until all pass or <paramref name="timeout"/> has passed, since the first
    /// scrapes and rule evaluations take a few seconds; returns the checks still failing, with their last failure.
    /// </summary>
    public static async Task<Dictionary<T, string>> UntilAllPassAsync<T>(IEnumerable<T> keys, Func<T, Task<string?>> check, TimeSpan timeout)
        where T : notnull
    {
        var failures = keys.ToDictionary(k => k, _ => "not checked");
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var key in failures.Keys.ToList())
            {
                if (await check(key) is { } failure) failures[key] = failure;
                else failures.Remove(key);
            }
            if (failures.Count == 0 || DateTime.UtcNow > deadline) return failures;
            await Task.Delay(1000);
        }
    }

    public void Dispose() => _http.Dispose();
}
