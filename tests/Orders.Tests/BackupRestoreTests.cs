using System.Net;
using System.Net.Http.Json;
using ProductStore.Backup;
using ProductStore.Orders.Tests.Fakes;
using ProductStore.ServiceDefaults.Storage;
using ProductStore.TestSupport;

namespace ProductStore.Orders.Tests;

/// <summary>The SQLite backup and restore commands against Orders on its real pipeline and file.</summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("productstore-restore-data-").FullName;
    private readonly string _backups = Path.Combine(Directory.CreateTempSubdirectory("productstore-restore-backups-").FullName, "backups");
    private FakeCart _cart = null!;
    private FakeCatalog _catalog = null!;

    public async ValueTask InitializeAsync()
    {
        _cart = await FakeCart.StartAsync();
        _catalog = await FakeCatalog.StartAsync();
    }

    private async Task<Guid> PlaceOrder(Guid user, HttpClient client)
    {
        _cart.Put(user, _catalog.Add(10), 1);
        return (await (await client.CheckOutAsync(Guid.NewGuid().ToString())).ShouldBe<OrderDto>(HttpStatusCode.Created)).Id;
    }

    private static async Task<List<Guid>> OrdersOf(HttpClient client) =>
        (await client.GetFromJsonAsync<OrderPageDto>("/api/orders?limit=100"))!.Items.Select(o => o.Id).ToList();

    /// <summary>The factory returns before the app's host has disposed its database; a stopped service has let go of its lock.</summary>
    private async Task StoppedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        SqliteFileLock? released;
        while ((released = SqliteFileLock.TryAcquireExclusive(Path.Combine(_data, "orders.sqlite"))) is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "Orders still holds its database 10 s after it stopped");
            await Task.Delay(50);
        }
        released.Dispose();
    }

    [Fact]
    public async Task A_restore_brings_back_exactly_the_orders_of_the_backup_moment()
    {
        var user = Guid.NewGuid();
        List<Guid> backedUp;
        BackupResult backup;
        byte[] laterWal;
        await using (var running = new OrdersFactory(_cart, _catalog, _data))
        {
            var client = running.CreateCustomerClient(user);
            for (var i = 0; i < 3; i++) await PlaceOrder(user, client);
            backedUp = await OrdersOf(client);

            backup = await SqliteBackup.BackUpAsync(_data, _backups, DateTimeOffset.UtcNow, CancellationToken.None);
            for (var i = 0; i < 2; i++) await PlaceOrder(user, client);
            Assert.Equal(5, (await OrdersOf(client)).Count);

            var refused = await Assert.ThrowsAsync<BackupException>(() => SqliteRestore.RestoreAsync(backup.Folder, _data, CancellationToken.None));
            Assert.Contains("orders is running", refused.Message);
            // What a crash would leave behind: a -wal holding the later orders, which a restore must not let SQLite replay.
            laterWal = await File.ReadAllBytesAsync(Path.Combine(_data, "orders.sqlite-wal"));
        }
        await StoppedAsync();
        Assert.NotEmpty(laterWal);
        await File.WriteAllBytesAsync(Path.Combine(_data, "orders.sqlite-wal"), laterWal);

        Assert.Equal(["orders"], await SqliteRestore.RestoreAsync(backup.Folder, _data, CancellationToken.None));

        Assert.False(File.Exists(Path.Combine(_data, "orders.sqlite-wal")));
        await using var restored = new OrdersFactory(_cart, _catalog, _data);
        Assert.Equal(backedUp, await OrdersOf(restored.CreateCustomerClient(user)));
    }

    [Fact]
    public async Task A_backup_is_a_private_timestamped_folder_of_checked_copies()
    {
        await using (var running = new OrdersFactory(_cart, _catalog, _data))
        {
            var (user, client) = running.CreateShopper();
            await PlaceOrder(user, client);
        }
        await StoppedAsync();
        var backup = await SqliteBackup.BackUpAsync(_data, _backups, new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(Path.Combine(_backups, "20261206T030000Z"), backup.Folder);
        Assert.Equal(["orders.sqlite"], Directory.GetFiles(backup.Folder).Select(Path.GetFileName));
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(backup.Folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(backup.Folder, "orders.sqlite")));
    }

    [Fact]
    public async Task Restoring_from_a_folder_without_databases_is_refused_and_changes_nothing()
    {
        var empty = Directory.CreateTempSubdirectory("productstore-not-a-backup-").FullName;

        var refused = await Assert.ThrowsAsync<BackupException>(() => SqliteRestore.RestoreAsync(empty, _data, CancellationToken.None));

        Assert.Contains("not a backup folder", refused.Message);
        Assert.Empty(Directory.GetFiles(_data));
    }

    public async ValueTask DisposeAsync()
    {
        await _cart.DisposeAsync();
        await _catalog.DisposeAsync();
        foreach (var folder in new[] { _data, Path.GetDirectoryName(_backups)! }) Directory.Delete(folder, recursive: true);
    }
}
