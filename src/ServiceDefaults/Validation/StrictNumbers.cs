using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace ProductStore.ServiceDefaults.Validation;

/// <summary>
/// Query numbers as a program writes them: digits, an optional leading minus and (for decimals) one decimal point.
/// ASP.NET Core's binding reads them with NumberStyles that take group separators and trailing signs, so
/// minPrice=1,5 would mean 15 and 5- would mean -5; such values are refused here, naming the parameter.
/// </summary>
public static partial class StrictNumbers
{
    /// <summary>The query names of a handler's numeric parameters (those of [AsParameters] records included), by kind.</summary>
    public static (string Name, bool Whole)[] QueryNumbersOf(MethodInfo handler) =>
        handler.GetParameters().SelectMany(p => p.GetCustomAttribute<AsParametersAttribute>() is null
                ? [p]
                : p.ParameterType.GetConstructors().SelectMany(c => c.GetParameters()))
            .Where(p => p.GetCustomAttribute<FromHeaderAttribute>() is null && p.GetCustomAttribute<FromBodyAttribute>() is null)
            .Select(p => (p.Name!, Kind: Kind(Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType)))
            .Where(p => p.Kind is not null)
            .Select(p => (p.Item1, p.Kind!.Value))
            .Distinct()
            .ToArray();

    public static void Validate(HttpRequest request, IEnumerable<(string Name, bool Whole)> numbers, ValidationErrors errors)
    {
        foreach (var (name, whole) in numbers)
        {
            foreach (var value in request.Query[name])
            {
                if (value is null || (whole ? WholeNumber() : DecimalNumber()).IsMatch(value)) continue;
                var field = JsonNamingPolicy.CamelCase.ConvertName(name);
                errors.Add(field, whole
                    ? $"The {field} must be a whole number written with digits and an optional leading minus, e.g. 20."
                    : $"The {field} must be a number written with digits, an optional leading minus and a decimal point, e.g. 12.50 (no group separators).");
            }
        }
    }

    private static bool? Kind(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(short) ? true
        : type == typeof(decimal) || type == typeof(double) || type == typeof(float) ? false
        : null;

    [GeneratedRegex(@"^-?[0-9]{1,18}$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^-?[0-9]{1,18}(\.[0-9]{1,18})?$")]
    private static partial Regex DecimalNumber();
}
