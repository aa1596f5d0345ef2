using System.Net.Http.Json;

namespace ProductStore.Users.Tests;

/// <summary>Display names with control or bidirectional formatting characters are refused with a 400 naming the field (issue 16).</summary>
public class PlainDisplayNameTests(UsersFactory factory) : IClassFixture<UsersFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> NotPlain => ["Ada\0", "Ada\r\nAdmin", "Ada\u0007", "nimda\u202E", "Ada\u2067", "Ada\u200E", "Ada\u061C"];

    [Theory]
    [MemberData(nameof(NotPlain))]
    public async Task Registering_with_such_a_display_name_is_a_400_naming_it_and_creates_no_account(string displayName)
    {
        var email = UsersHttp.NewEmail();

        await (await _client.RegisterAsync(email, displayName: displayName)).ShouldBeValidationProblem("displayName");

        // Nothing was stored: the same address registers afterwards with a plain name.
        await (await _client.RegisterAsync(email, displayName: "Ada")).ShouldBe<UserDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_display_name_in_another_script_is_plain()
    {
        var user = await (await _client.RegisterAsync(UsersHttp.NewEmail(), displayName: "Ада Лавлейс")).ShouldBe<UserDto>(HttpStatusCode.Created);

        Assert.Equal("Ада Лавлейс", user.DisplayName);
    }
}
