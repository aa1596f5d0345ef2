using Microsoft.AspNetCore.Http.HttpResults;

namespace ProductStore.ServiceDefaults.Validation;

public static class ValidationFilter
{
    /// <summary>
    /// Validates every <see cref="IValidatable"/> argument and every query number (<see cref="StrictNumbers"/>) and
    /// answers 400 with per-field errors.
    /// Endpoints without such arguments get no filter at all, so they pay nothing.
    /// </summary>
    public static TBuilder WithValidation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var positions = factory.MethodInfo.GetParameters()
                .Where(p => typeof(IValidatable).IsAssignableFrom(p.ParameterType))
                .Select(p => p.Position)
                .ToArray();
            var numbers = StrictNumbers.QueryNumbersOf(factory.MethodInfo);
            if (positions.Length == 0 && numbers.Length == 0) return next;
            return context =>
            {
                var errors = new ValidationErrors();
                StrictNumbers.Validate(context.HttpContext.Request, numbers, errors);
                foreach (var position in positions)
                {
                    if (context.Arguments[position] is IValidatable request) request.Validate(errors);
                }
                return errors.IsEmpty ? next(context) : ValueTask.FromResult<object?>(errors.ToProblem());
            };
        });
        return builder;
    }

    public static ValidationProblem ToProblem(this ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary());
}
