namespace ProductStore.ServiceDefaults.Validation;

/// <summary>A request that checks its own shape; <see cref="ValidationFilter"/> runs it before the handler.</summary>
public interface IValidatable
{
    void Validate(ValidationErrors errors);
}
