using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProductStore.ServiceDefaults.Auth;

namespace ProductStore.ServiceDefaults.OpenApi;

/// <summary>
/// Each operation states its own security from the endpoint's authorization metadata: public operations need none
/// (and take a token if one is sent), the others a bearer token (and may answer 401 and 403), with the role its
/// policy demands named in the description.
/// </summary>
public sealed class OperationSecurity : IOpenApiOperationTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            // Anyone: no token (the empty requirement), or a signed-in client's token, which is accepted and ignored.
            // Stated both ways, so a validating proxy lets a shopper browse with the token it sends everywhere.
            operation.Security = [new OpenApiSecurityRequirement(), BearerToken(context)];
            return Task.CompletedTask;
        }

        operation.Security = [BearerToken(context)];
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToHashSet();
        var who = policies.Contains(Roles.Admin) ? "Requires a bearer token with the admin role."
            : policies.Contains(Roles.User) ? "Requires a customer's or an admin's bearer token (a service token is refused)."
            : "Requires a bearer token.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? who : $"{operation.Description} {who}";
        ProblemResponseSchemas.Add(operation, context.Document!, StatusCodes.Status401Unauthorized, "No valid bearer token: missing, expired, revoked or not signed by Users.");
        ProblemResponseSchemas.Add(operation, context.Document!, StatusCodes.Status403Forbidden, "The token's role may not use this operation.");
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement BearerToken(OpenApiOperationTransformerContext context) =>
        new() { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] };
}
