using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProductStore.ServiceDefaults.Auth;

namespace ProductStore.ServiceDefaults.OpenApi;

/// <summary>
/// Each operation states its own security from the endpoint's authorization metadata: public operations need none,
/// the others a bearer token (and may answer 401 and 403), with the role its policy demands named in the description.
/// </summary>
public sealed class OperationSecurity : IOpenApiOperationTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            // An empty requirement: anyone, no token needed (stated, so no tool assumes a default).
            operation.Security = [new OpenApiSecurityRequirement()];
            return Task.CompletedTask;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToHashSet();
        var who = policies.Contains(Roles.Admin) ? "Requires a bearer token with the admin role."
            : policies.Contains(Roles.User) ? "Requires a customer's or an admin's bearer token (a service token is refused)."
            : "Requires a bearer token.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? who : $"{operation.Description} {who}";
        ProblemResponseSchemas.Add(operation, context.Document!, StatusCodes.Status401Unauthorized, "No valid bearer token: missing, expired, revoked or not signed by Users.");
        ProblemResponseSchemas.Add(operation, context.Document!, StatusCodes.Status403Forbidden, "The token's role may not use this operation.");
        return Task.CompletedTask;
    }
}
