using Microsoft.AspNetCore.Http.HttpResults;
using ProductStore.ServiceDefaults.Auth;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.ServiceDefaults.Validation;
using ProductStore.Users.Storage;

namespace ProductStore.Users.Apis;

/// <summary>Admin only: list accounts, change a role.</summary>
public static class AdminUsersApi
{
    public static IEndpointRouteBuilder MapAdminUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").WithTags("Users (admin)").RequireAuthorization(Roles.Admin).WithValidation();
        api.MapGet("", List).WithName("ListUsers").WithSummary("All accounts, paged by cursor");
        api.MapPut("/{id:guid}/role", ChangeRole).WithName("ChangeRole").WithSummary("Make an account a customer or an admin");
        return app;
    }

    public static async Task<Ok<Page<UserResponse>>> List([AsParameters] PageQuery page, IUserStore users, CancellationToken cancellationToken) =>
        TypedResults.Ok((await users.ListAsync(page.Cursor, page.Size, cancellationToken)).Map(UserResponse.From));

    public static async Task<Results<Ok<UserResponse>, NotFound>> ChangeRole(Guid id, ChangeRoleRequest request, IUserStore users, CancellationToken cancellationToken) =>
        await users.ChangeRoleAsync(id, request.Role!, cancellationToken) is { } user ? TypedResults.Ok(UserResponse.From(user)) : TypedResults.NotFound();
}
