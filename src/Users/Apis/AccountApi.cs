using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Validation;
using ProductStore.Users.Domain;
using ProductStore.Users.Storage;
using ProductStore.Users.Tokens;

namespace ProductStore.Users.Apis;

/// <summary>A person's own account: register, log in, refresh, log out, who am I.</summary>
public static class AccountApi
{
    private const string InvalidCredentials = "Invalid email or password.";

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users")
            .WithTags("Users")
            .WithValidation();
        api.MapPost("/register", Register)
            .WithName("Register")
            .WithSummary("Create an account (role customer)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/login", Login)
            .WithNoStore()
            .WithName("Login")
            .WithSummary("Exchange email and password for an access token and a refresh token")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/refresh", Refresh)
            .WithNoStore()
            .WithName("Refresh")
            .WithSummary("Rotate a refresh token; reusing an old one revokes the whole session")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/logout", Logout)
            .WithName("Logout")
            .WithSummary("Revoke a refresh token and its session");
        // A service token (role service) is not an account.
        api.MapGet("/me", Me)
            .RequireAuthorization(Roles.User)
            .WithName("Me")
            .WithSummary("The caller's account");
        api.MapPut("/me/password", ChangePassword)
            .RequireAuthorization(Roles.User)
            .WithName("ChangePassword")
            .WithSummary("Change the caller's password; ends every session of the account, this one included");
        return app;
    }

    public static async Task<Results<Created<UserResponse>, ProblemHttpResult>> Register(
        RegisterRequest request, IUserStore users, PasswordHasher hasher, UsersMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = request.ToCustomer(hasher.Hash, time.GetUtcNow());
        if (!await users.TryAddAsync(user, cancellationToken))
            return TypedResults.Problem(title: "Email already registered", statusCode: StatusCodes.Status409Conflict,
                detail: "An account with this email exists; log in instead.");
        metrics.Registered();
        return TypedResults.Created($"/api/users/{user.Id}", UserResponse.From(user));
    }

    /// <summary>Too many failures in a row wait out a delay (429 with Retry-After); see <see cref="UserSessions.LogInAsync"/>.</summary>
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Login(
        LoginRequest request, UserSessions sessions, HttpResponse response, CancellationToken cancellationToken)
    {
        var outcome = await sessions.LogInAsync(request.ToCredentials(), cancellationToken);
        if (outcome.Tokens is { } tokens) return TypedResults.Ok(tokens);
        if (outcome.Wait is not { } wait)
            return TypedResults.Problem(title: "Unauthorized", statusCode: StatusCodes.Status401Unauthorized, detail: InvalidCredentials);
        response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Too many failed logins", statusCode: StatusCodes.Status429TooManyRequests,
            detail: "This account had too many failed logins in a row; try again after the time in Retry-After.");
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> Refresh(
        RefreshRequest request, UserSessions sessions, CancellationToken cancellationToken)
    {
        var (tokens, result) = await sessions.RefreshAsync(request.ToRefreshToken(), cancellationToken);
        if (tokens is not null) return TypedResults.Ok(tokens);
        var detail = result == RotationResult.Reused
            ? "This refresh token was already used; the session is revoked. Log in again."
            : "The refresh token is invalid, expired or revoked. Log in again.";
        return TypedResults.Problem(title: "Unauthorized", statusCode: StatusCodes.Status401Unauthorized, detail: detail);
    }

    /// <summary>Ends the session: its refresh tokens at once, its access tokens within the revocation poll interval.</summary>
    public static async Task<NoContent> Logout(
        RefreshRequest request, IRefreshTokenStore refreshTokens, IRevocationStore revocations, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await refreshTokens.RevokeFamilyAsync(TokenIssuer.HashRefreshToken(request.ToRefreshToken()), cancellationToken) is { } session)
            await revocations.AddAsync(Revocation.OfSession(session, time.GetUtcNow()), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A wrong current password counts against the account like a failed login (and waits out its delay the same way).</summary>
    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal principal, IUserStore users, PasswordHasher hasher, LoginThrottle throttle,
        IRevocationStore revocations, TimeProvider time, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(principal.UserId(), cancellationToken) is not { } user) return TypedResults.NotFound();
        if (await throttle.WaitAsync(user.Email, cancellationToken) is { } wait)
        {
            response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "Too many failed attempts", statusCode: StatusCodes.Status429TooManyRequests,
                detail: "This account had too many wrong passwords in a row; try again after the time in Retry-After.");
        }
        var (currentPassword, newPassword) = request.ToPasswords();
        if (!hasher.Verify(currentPassword, user.PasswordHash))
        {
            await throttle.FailedAsync(user.Email, cancellationToken);
            return ValidationErrors.For("currentPassword", "This is not the account's current password.").ToProblem();
        }
        if (PasswordPolicy.Check(newPassword, user.Email) is { } problem) return ValidationErrors.For("newPassword", problem).ToProblem();
        if (await users.ChangePasswordAsync(user.Id, hasher.Hash(newPassword), cancellationToken) is not { } changed) return TypedResults.NotFound();
        await revocations.AddAsync(Revocation.OfStamp(changed.Id, changed.SecurityStamp, time.GetUtcNow()), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<UserResponse>, NotFound>> Me(ClaimsPrincipal principal, IUserStore users, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(principal.UserId(), cancellationToken) is { } user ? TypedResults.Ok(UserResponse.From(user)) : TypedResults.NotFound();
}
