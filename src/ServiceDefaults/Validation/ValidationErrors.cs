namespace ProductStore.ServiceDefaults.Validation;

/// <summary>Per-field messages, in the shape of ValidationProblemDetails.errors.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages)) _errors[field] = messages = [];
        messages.Add(message);
        return this;
    }

    /// <summary>Adds <paramref name="message"/> when <paramref name="failed"/> is true; reads like a rule list.</summary>
    public ValidationErrors When(bool failed, string field, string message) => failed ? Add(field, message) : this;

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public static ValidationErrors For(string field, string message) => new ValidationErrors().Add(field, message);
}
