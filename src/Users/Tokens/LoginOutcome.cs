using ProductStore.Users.Apis;

namespace ProductStore.Users.Tokens;

/// <summary>
/// How a login ended: <see cref="Tokens"/> of the new session; else <see cref="Wait"/> when the account is waiting out a
/// delay after failures in a row (the password unchecked); else the credentials were wrong.
/// </summary>
public sealed record LoginOutcome(TokenResponse? Tokens, TimeSpan? Wait = null);
