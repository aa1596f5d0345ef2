namespace ProductStore.ServiceDefaults.Problems;

/// <summary>A request value found wrong only while handling it (a foreign cursor): a 400 naming <see cref="Field"/>, never a 500.</summary>
public abstract class ClientInputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
