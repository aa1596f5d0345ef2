using Xunit;

namespace ProductStore.TestSupport.ApiContract;

/// <summary>
/// A service's OpenAPI document against the service itself (issue 16): redocly lint, requests generated from the
/// document as anonymous, customer and admin, and proof that the property catches a response the document leaves out.
/// A service's test class supplies only its host and its tokens.
/// </summary>
public abstract class ServiceContractTests
{
    protected abstract string Service { get; }

    /// <summary>A client per role: null is anonymous, then "customer" and "admin".</summary>
    protected abstract Task<Func<string?, HttpClient>> ClientsAsync();

    protected virtual int TestsPerOperation => 40;

    /// <summary>Clients carrying <see cref="TestTokens"/>' customer and admin tokens, for a service that trusts them.</summary>
    protected static Task<Func<string?, HttpClient>> TestTokenClients<TProgram>(ServiceFactory<TProgram> factory) where TProgram : class =>
        Task.FromResult<Func<string?, HttpClient>>(role => role switch
        {
            null => factory.CreateClient(),
            "admin" => factory.CreateAdminClient(),
            _ => factory.CreateCustomerClient(),
        });

    protected async Task<ContractDocument> DocumentAsync()
    {
        using var anonymous = (await ClientsAsync())(null);
        return ContractDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"));
    }

    protected async Task<ContractProperty> PropertyOf(ContractDocument document) => new(document, await ClientsAsync());

    [Fact]
    public async Task The_document_lints_with_no_errors()
    {
        var (errors, report) = await ApiTools.LintAsync((await DocumentAsync()).Root.ToJsonString());

        TestContext.Current.TestOutputHelper?.WriteLine($"{Service}: redocly lint, {errors} errors");
        Assert.True(errors == 0, report);
    }

    [Fact]
    public async Task Every_operation_answers_generated_requests_as_documented()
    {
        var document = await DocumentAsync();
        var property = await PropertyOf(document);

        property.Check(TestsPerOperation);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Service}: {document.Operations.Count} operations, {property.RequestsSent} generated requests, 0 violations");
        Assert.True(property.RequestsSent >= document.Operations.Count * TestsPerOperation);
    }

    [Fact]
    public async Task The_property_test_catches_a_401_the_document_does_not_declare()
    {
        var document = await DocumentAsync();
        var secured = document.Operations.First(o => o.IsSecured);
        secured.Responses.Remove("401");

        var caught = Assert.ThrowsAny<Exception>(() => PropertyOf(document).GetAwaiter().GetResult().Check(TestsPerOperation));

        Assert.Contains("undocumented status 401", caught.ToString());
    }
}
