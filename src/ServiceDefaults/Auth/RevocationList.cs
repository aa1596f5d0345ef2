using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProductStore.ServiceDefaults.Auth;

/// <summary>
/// What ends access tokens before they expire, as Users publishes it at /internal/revocations for the last access-token
/// lifetime: each account's security stamp where it changed (role change, sessions revoked; older ones oldest first), and
/// the sessions (refresh-token families) that were logged out.
/// </summary>
public sealed record RevocationList(IReadOnlyList<StampChange> Stamps, IReadOnlyList<Guid> Sessions)
{
    public const string Path = "internal/revocations";
    /// <summary>The account's security stamp when the token was issued.</summary>
    public const string StampClaim = "sst";
    /// <summary>The session (refresh-token family) the token belongs to.</summary>
    public const string SessionClaim = "sid";

    public static readonly RevocationList Empty = new([], []);
}

public sealed record StampChange(Guid UserId, string Stamp);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RevocationList))]
public sealed partial class RevocationJsonContext : JsonSerializerContext;
