using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProductStore.Users.Tests.Fakes;

public static class TestOptions
{
    public static IOptionsMonitor<UsersOptions> Users(Action<UsersOptions> configure) =>
        new ServiceCollection().AddOptions<UsersOptions>().Configure(configure).Services
            .BuildServiceProvider().GetRequiredService<IOptionsMonitor<UsersOptions>>();
}

/// <summary>A clock that stands still where the test puts it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
