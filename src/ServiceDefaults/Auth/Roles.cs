namespace ProductStore.ServiceDefaults.Auth;

/// <summary>The roles a token can carry, and the authorization policies named after them.</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Admin = "admin";
    /// <summary>Another ProductStore service, calling an internal endpoint with a service token.</summary>
    public const string Service = "service";

    /// <summary>Policy for a person's own data: a customer or an admin, never a service (whose subject is no user id).</summary>
    public const string User = "user";

    public static bool IsUserRole(string role) => role is Customer or Admin;
}
