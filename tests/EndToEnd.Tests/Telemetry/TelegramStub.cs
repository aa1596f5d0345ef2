using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using ProductStore.TestSupport;

namespace ProductStore.EndToEnd.Tests.Telemetry;

public sealed record TelegramMessage(string Token, long ChatId, string Text, string? ParseMode);

/// <summary>
/// Stands in for api.telegram.org: takes POST /bot{token}/sendMessage and answers in Telegram's shape,
/// which Alertmanager requires (anything else makes it retry).
/// </summary>
public sealed class TelegramStub : IAsyncDisposable
{
    private readonly ConcurrentQueue<TelegramMessage> _messages = new();
    private StubServer _server = null!;

    public Uri ApiUrl => _server.Address;

    public IReadOnlyList<TelegramMessage> Messages => _messages.ToArray();

    public static async Task<TelegramStub> StartAsync()
    {
        var stub = new TelegramStub();
        stub._server = await StubServer.StartAsync(app => app.MapPost("/bot{token}/sendMessage", stub.SendMessageAsync));
        return stub;
    }

    private async Task<IResult> SendMessageAsync(string token, HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        var chat = root.GetProperty("chat_id");
        var chatId = chat.ValueKind == JsonValueKind.String ? long.Parse(chat.GetString()!) : chat.GetInt64();
        _messages.Enqueue(new TelegramMessage(
            token,
            chatId,
            root.GetProperty("text").GetString() ?? "",
            root.TryGetProperty("parse_mode", out var mode) ? mode.GetString() : null));
        return Results.Json(new
        {
            ok = true,
            result = new { message_id = _messages.Count, date = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), chat = new { id = chatId, type = "group" } },
        });
    }

    public async Task<TelegramMessage> WaitForAsync(Func<TelegramMessage, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = _messages.FirstOrDefault(match);
            if (found is not null) return found;
            await Task.Delay(500);
        }
        Assert.Fail($"No Telegram message {what} within {timeout}. Got: {string.Join(" | ", _messages.Select(m => m.Text))}");
        return null!;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
