using System.Diagnostics;
using System.Diagnostics.Metrics;
using Yarp.ReverseProxy.Forwarder;

namespace ProductStore.Gateway;

/// <summary>
/// What the gateway sees of the services behind it: latency and errors by route and cluster, and requests it refused.
/// Tags come from cached strings and boxes, so recording allocates nothing per request.
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "ProductStore.Gateway";
    private static readonly object[] StatusCodes = Enumerable.Range(0, 600).Select(code => (object)code).ToArray();

    private readonly Histogram<double> _upstreamDuration;
    private readonly Counter<long> _upstreamErrors;
    private readonly Counter<long> _rateLimited;

    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _upstreamDuration = meter.CreateHistogram<double>("productstore.gateway.upstream.duration", "s",
            "Time from forwarding a request to a service until its response was relayed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _upstreamErrors = meter.CreateCounter<long>("productstore.gateway.upstream.errors", "{error}",
            "Requests the gateway could not complete with a service, by reason.");
        _rateLimited = meter.CreateCounter<long>("productstore.gateway.rate_limited", "{request}", "Requests refused with 429, by policy.");
    }

    public void Forwarded(string route, string cluster, int statusCode, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "route", route },
            { "cluster", cluster },
            { "status_code", (uint)statusCode < StatusCodes.Length ? StatusCodes[statusCode] : statusCode },
        };
        _upstreamDuration.Record(elapsed.TotalSeconds, in tags);
    }

    public void Failed(string route, string cluster, ForwarderError error) => _upstreamErrors.Add(1,
        new KeyValuePair<string, object?>("route", route),
        new KeyValuePair<string, object?>("cluster", cluster),
        new KeyValuePair<string, object?>("reason", Reason(error)));

    public void RateLimited(string policy) => _rateLimited.Add(1, new KeyValuePair<string, object?>("policy", policy));

    private static string Reason(ForwarderError error) => error switch
    {
        ForwarderError.Request or ForwarderError.RequestCreation => "unreachable",
        ForwarderError.RequestTimedOut => "timeout",
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled => "canceled",
        ForwarderError.RequestBodyClient or ForwarderError.ResponseBodyClient => "client",
        ForwarderError.RequestBodyDestination or ForwarderError.ResponseHeaders or ForwarderError.ResponseBodyDestination => "upstream",
        ForwarderError.NoAvailableDestinations => "no_destination",
        _ => "other",
    };
}
