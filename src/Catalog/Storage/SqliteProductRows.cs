using Microsoft.Data.Sqlite;
using ProductStore.Catalog.Domain;
using ProductStore.Storage;

namespace ProductStore.Catalog.Storage;

internal static class SqliteProductRows
{
    public const string Columns = "id, sku, name, description, category, price_cents, currency, stock, image_url, created_at, updated_at";
    public const int ColumnCount = 11;

    public static Product Read(SqliteDataReader row) => new(
        row.GetGuid(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4), StoredMoney.FromCents(row.GetInt64(5)),
        row.GetString(6), row.GetInt32(7), row.GetString(8), row.GetTimestamp(9), row.GetTimestamp(10));

    public static SqliteCommand WithProduct(this SqliteCommand command, Product product) => command
        .With("$id", product.Id).With("$sku", product.Sku).With("$name", product.Name).With("$name_lower", product.Name.ToLowerInvariant())
        .With("$description", product.Description).With("$category", product.Category).With("$price", StoredMoney.ToCents(product.Price))
        .With("$currency", product.Currency).With("$stock", product.Stock).With("$image", product.ImageUrl)
        .With("$created", product.CreatedAt.ToStored()).With("$updated", product.UpdatedAt.ToStored());

    public const string Insert = $"""
        INSERT INTO products ({Columns}, name_lower)
        VALUES ($id, $sku, $name, $description, $category, $price, $currency, $stock, $image, $created, $updated, $name_lower)
        """;
}
