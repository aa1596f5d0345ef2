using ProductStore.Users.Domain;

namespace ProductStore.Users.Tests;

public class PasswordPolicyTests
{
    private const string Email = "Ada.Lovelace@Example.test";

    [Theory]
    [InlineData("twelve chars")]
    [InlineData("correct horse battery staple")]
    [InlineData("ada.lovelace and more")]
    public void Long_enough_passwords_that_are_not_the_email_pass(string password) =>
        Assert.Null(PasswordPolicy.Check(password, Email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("eleven char")]
    public void Passwords_under_12_characters_fail(string? password) =>
        Assert.Contains("at least 12", PasswordPolicy.Check(password, Email));

    [Fact]
    public void Passwords_over_128_characters_fail() =>
        Assert.Contains("at most 128", PasswordPolicy.Check(new string('x', 129), Email));

    [Theory]
    [InlineData("ada.lovelace@example.test")]
    [InlineData("ADA.LOVELACE@EXAMPLE.TEST")]
    [InlineData(" Ada.Lovelace@Example.test ")]
    [InlineData("ada.lovelace@example.test2024")]
    [InlineData("my ada.lovelace@example.test")]
    [InlineData("ada.lovelace")]
    public void The_email_or_its_local_part_fail(string password) =>
        Assert.Contains("email", PasswordPolicy.Check(password, Email));

    [Fact]
    public void Without_an_email_only_the_length_counts() =>
        Assert.Null(PasswordPolicy.Check("ada.lovelace@example.test", null));
}
