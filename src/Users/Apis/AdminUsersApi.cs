using Microsoft.AspNetCore.Http.HttpResults;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.Storage;
using ProductStore.ServiceDefaults.Validation;
using ProductStore.Users.Storage;

namespace ProductStore.Users.Apis;

/// <summary>Admin only: list accounts, change a role, end an account's sessions.</summary>
public static class AdminUsersApi
{
    public static IEndpointRouteBuilder MapAdminUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users")
            .WithTags("Users (admin)")
            .RequireAuthorization(Roles.Admin)
            .WithValidation();
        api.MapGet("", List)
            .WithName("ListUsers")
            .WithSummary("All accounts, paged by cursor");
        api.MapPut("/{id:guid}/role", ChangeRole)
            .WithName("ChangeRole")
            .WithSummary("Make an account a customer or an admin; ends its sessions; the last admin cannot be demoted (409)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/sessions/revoke", RevokeSessions)
            .WithName("RevokeSessions")
            .WithSummary("End every session of an account: refresh tokens at once, access tokens within seconds");
        return app;
    }

    public static async Task<Ok<Page<UserResponse>>> List([AsParameters] PageQuery page, IUserStore users, CancellationToken cancellationToken) =>
        TypedResults.Ok((await users.ListAsync(page.Cursor, page.Size, cancellationToken)).Map(UserResponse.From));

    public static async Task<Results<Ok<UserResponse>, NotFound, ProblemHttpResult>> ChangeRole(
        Guid id, ChangeRoleRequest request, IUserStore users, IRevocationStore revocations, TimeProvider time, CancellationToken cancellationToken)
    {
        switch (await users.ChangeRoleAsync(id, request.ToRole(), cancellationToken))
        {
            case RoleChangeOutcome.Changed { User: var changed }:
                await revocations.AddAsync(Revocation.OfStamp(changed.Id, changed.SecurityStamp, time.GetUtcNow()), cancellationToken);
                return TypedResults.Ok(UserResponse.From(changed));
            case RoleChangeOutcome.Unchanged { User: var unchanged }:
                return TypedResults.Ok(UserResponse.From(unchanged));
            case RoleChangeOutcome.LastAdmin:
                return TypedResults.Problem(title: "Last admin", statusCode: StatusCodes.Status409Conflict,
                    detail: "This is the only admin account; make another account admin first.");
            default:
                return TypedResults.NotFound();
        }
    }

    public static async Task<Results<NoContent, NotFound>> RevokeSessions(
        Guid id, IUserStore users, IRevocationStore revocations, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await users.RenewSecurityStampAsync(id, cancellationToken) is not { } user) return TypedResults.NotFound();
        await revocations.AddAsync(Revocation.OfStamp(user.Id, user.SecurityStamp, time.GetUtcNow()), cancellationToken);
        return TypedResults.NoContent();
    }
}
