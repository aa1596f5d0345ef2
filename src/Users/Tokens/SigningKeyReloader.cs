using Microsoft.Extensions.Options;

namespace ProductStore.Users.Tokens;

/// <summary>Reloads the signing keys now and then, so a rotation made on another replica is published and used here too.</summary>
public sealed class SigningKeyReloader(SigningKeys keys, IOptions<UsersOptions> options, ILogger<SigningKeyReloader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SigningKey.ReloadInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await keys.ReloadAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not reload the signing keys; the ones loaded stay in force");
            }
        }
    }
}
