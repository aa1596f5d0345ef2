using ProductStore.Users.Apis;

namespace ProductStore.Users.Tokens;

/// <summary>Every way a login can end; the API maps each to one status code.</summary>
public abstract record LoginOutcome
{
    /// <summary>A new session (200).</summary>
    public sealed record LoggedIn(TokenResponse Tokens) : LoginOutcome;
    /// <summary>Too many failures in a row: the password was not checked (429 with Retry-After).</summary>
    public sealed record Throttled(TimeSpan Wait) : LoginOutcome;
    /// <summary>No such account, or the wrong password; the two are told apart to nobody (401).</summary>
    public sealed record InvalidCredentials : LoginOutcome;
}
