namespace ProductStore.LoadTests.Runner;

/// <summary>The outcome of a step or of a whole iteration: OK or failed, with an optional status code, size and message.</summary>
public class Response(bool isError, int? statusCode, long sizeBytes, string? message)
{
    private static readonly Response PlainOk = new(false, null, 0, null);

    public bool IsError { get; } = isError;
    public int? StatusCode { get; } = statusCode;
    public long SizeBytes { get; } = sizeBytes;
    public string? Message { get; } = message;

    public static Response Ok(int? statusCode = null, long sizeBytes = 0, string? message = null) =>
        statusCode is null && sizeBytes == 0 && message is null ? PlainOk : new(false, statusCode, sizeBytes, message);

    public static Response<T> Ok<T>(T payload, int? statusCode = null, long sizeBytes = 0, string? message = null) =>
        new(payload, false, statusCode, sizeBytes, message);

    public static Response Fail(int? statusCode = null, string? message = null, long sizeBytes = 0) => new(true, statusCode, sizeBytes, message);

    public static Response<T> Fail<T>(int? statusCode = null, string? message = null, long sizeBytes = 0) => new(default, true, statusCode, sizeBytes, message);

    /// <summary>An exception is a failure without a status code, named by its type so equal failures group in the report.</summary>
    public static Response<T> FromException<T>(Exception exception) => Fail<T>(message: $"{exception.GetType().Name}: {exception.Message}");
}

/// <summary>A response carrying a value to the next step (a page, a token, an order).</summary>
public sealed class Response<T>(T? payload, bool isError, int? statusCode, long sizeBytes, string? message)
    : Response(isError, statusCode, sizeBytes, message)
{
    public T? Payload { get; } = payload;
}
