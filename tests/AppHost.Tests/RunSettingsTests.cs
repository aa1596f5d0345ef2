using Microsoft.Extensions.Configuration;
using ProductStore.AppHost.Run;

namespace ProductStore.AppHost.Tests;

public sealed class RunSettingsTests
{
    [Fact]
    public void Ports_data_folder_and_per_resource_variables_come_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ports:gateway"] = "9080",
            ["AppHost:DataDirectory"] = "run-data",
            ["AppHost:Monitoring"] = "false",
            ["Resources:orders:Environment:Orders:Progress:Shipped"] = "00:00:02",
            ["Telegram:BotToken"] = "123:abc",
            ["Telegram:ChatId"] = "-100200",
        }).Build();

        var settings = RunSettings.FromConfiguration(configuration, "/repo");

        var model = Model.ProductStoreTopology.Create();
        Assert.Equal(9080, settings.PortOf(model["gateway"]));
        Assert.Equal(8000, settings.PortOf(model["catalog"]));
        Assert.Equal(Path.GetFullPath("/repo/run-data"), settings.DataDirectory);
        Assert.False(settings.Monitoring);
        Assert.Equal("00:00:02", settings.Environment["orders"]["Orders__Progress__Shipped"]);
        Assert.Equal(new TelegramSettings("123:abc", -100200, null), settings.Telegram);
    }

    [Fact]
    public void Telegram_stays_off_without_both_token_and_chat()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telegram:BotToken"] = "123:abc" }).Build();
        Assert.Null(RunSettings.FromConfiguration(configuration, "/repo").Telegram);
    }
}
