using System.Diagnostics.Metrics;

namespace ProductStore.Users;

/// <summary>Business metrics of Users: registrations and logins by outcome (success, failure, throttled).</summary>
public sealed class UsersMetrics
{
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _logins;

    public UsersMetrics(IMeterFactory meters)
    {
        var meter = meters.Create("ProductStore.Users");
        _registrations = meter.CreateCounter<long>("productstore.registrations", "{registration}", "Accounts created.");
        _logins = meter.CreateCounter<long>("productstore.logins", "{login}", "Logins by outcome.");
    }

    public void Registered() => _registrations.Add(1);

    public void LoggedIn(bool success) => _logins.Add(1, new KeyValuePair<string, object?>("outcome", success ? "success" : "failure"));

    /// <summary>A login refused unchecked because its account is waiting out a delay after failures in a row.</summary>
    public void LoginThrottled() => _logins.Add(1, new KeyValuePair<string, object?>("outcome", "throttled"));
}
