namespace ProductStore.Catalog.Storage;

public enum DeleteCategoryResult { Deleted, NotFound, NotEmpty }
