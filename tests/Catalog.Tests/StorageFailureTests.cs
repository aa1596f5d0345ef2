using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using ProductStore.Catalog.Tests.Fakes;
using ProductStore.TestSupport;

namespace ProductStore.Catalog.Tests;

/// <summary>When the database cannot serve: a 503 with Retry-After within the configured busy timeout, and readiness says so.</summary>
public sealed class StorageFailureTests : IAsyncDisposable
{
    private readonly BusyFactory _factory = new();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private string DatabaseFile => Path.Combine(_factory.DataDirectory, "catalog.sqlite");

    private Task<HttpResponseMessage> AddCategoryAsync(HttpClient admin) =>
        admin.PostAsJsonAsync("/api/catalog/categories", new { slug = CatalogHttp.NewSlug(), name = "Any" });

    [Fact]
    public async Task A_lock_held_by_another_process_is_a_503_after_the_busy_timeout_and_not_ready_until_it_goes()
    {
        var admin = _factory.CreateAdminClient();
        await (await AddCategoryAsync(admin)).ShouldBe<CategoryDto>(HttpStatusCode.Created);
        await using var other = new SqliteConnection($"Data Source={DatabaseFile};Pooling=false");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var refused = await AddCategoryAsync(admin);

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        await refused.ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _factory.CreateClient().GetAsync("/health/ready")).StatusCode);

        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync("/health/ready")).StatusCode);
        await (await AddCategoryAsync(admin)).ShouldBe<CategoryDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_deleted_database_file_is_a_503_on_writes_and_not_ready_instead_of_writing_into_nowhere()
    {
        var admin = _factory.CreateAdminClient();
        await (await AddCategoryAsync(admin)).ShouldBe<CategoryDto>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreateClient().GetAsync("/health/ready")).StatusCode);

        File.Delete(DatabaseFile);

        var refused = await AddCategoryAsync(admin);
        await refused.ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        Assert.True(refused.Headers.Contains("Retry-After"));
        var ready = await _factory.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("deleted", await ready.Content.ReadAsStringAsync());
    }

    /// <summary>Catalog with a one-second busy timeout.</summary>
    private sealed class BusyFactory : CatalogFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:BusyTimeoutSeconds", "1");
        }
    }
}
