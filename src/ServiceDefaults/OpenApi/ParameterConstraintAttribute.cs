using System.Globalization;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProductStore.ServiceDefaults.OpenApi;

/// <summary>
/// The limits a query or header parameter's validation enforces, for its document. (ValidationAttributes cannot say
/// it: on [AsParameters] records the OpenAPI generator of ASP.NET Core 10 fails reading them, InvalidCastException.)
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class ParameterConstraintAttribute : Attribute
{
    public double Minimum { get; set; } = double.NaN;
    public double Maximum { get; set; } = double.NaN;
    public int MaxLength { get; set; } = -1;
    public string? Pattern { get; set; }
    public bool Required { get; set; }
}

/// <summary>Writes each parameter's <see cref="ParameterConstraintAttribute"/> into its schema.</summary>
public sealed class ParameterConstraints : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            if (description.ParameterDescriptor is not IParameterInfoParameterDescriptor { ParameterInfo: var info }) continue;
            if (info.GetCustomAttributes(typeof(ParameterConstraintAttribute), inherit: false).FirstOrDefault() is not ParameterConstraintAttribute constraint) continue;
            var parameter = operation.Parameters?.OfType<OpenApiParameter>()
                .FirstOrDefault(p => string.Equals(p.Name, description.Name, StringComparison.OrdinalIgnoreCase));
            if (parameter?.Schema is not OpenApiSchema schema) continue;
            if (!double.IsNaN(constraint.Minimum)) schema.Minimum = constraint.Minimum.ToString(CultureInfo.InvariantCulture);
            if (!double.IsNaN(constraint.Maximum)) schema.Maximum = constraint.Maximum.ToString(CultureInfo.InvariantCulture);
            if (constraint.MaxLength >= 0) schema.MaxLength = constraint.MaxLength;
            if (constraint.Pattern is not null) schema.Pattern = constraint.Pattern;
            if (constraint.Required) parameter.Required = true;
        }
        return Task.CompletedTask;
    }
}
