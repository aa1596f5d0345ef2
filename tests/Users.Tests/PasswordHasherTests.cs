using ProductStore.Users.Domain;

namespace ProductStore.Users.Tests;

public class PasswordHasherTests
{
    private static PasswordHasher Hasher(int iterations) => new(TestOptions.Users(o => o.Password.Iterations = iterations));

    [Fact]
    public void The_right_password_verifies_and_a_wrong_one_does_not()
    {
        var hasher = Hasher(1000);
        var stored = hasher.Hash("correct horse battery staple");

        Assert.True(hasher.Verify("correct horse battery staple", stored));
        Assert.False(hasher.Verify("correct horse battery stapl", stored));
        Assert.False(hasher.Verify("Correct horse battery staple", stored));
        Assert.False(hasher.Verify("", stored));
    }

    [Fact]
    public void The_hash_records_its_scheme_and_iteration_count_and_no_plain_text()
    {
        var stored = Hasher(1234).Hash("correct horse battery staple");

        Assert.StartsWith("pbkdf2-sha256$1234$", stored);
        Assert.Equal(1234, PasswordHasher.IterationsOf(stored));
        Assert.DoesNotContain("correct", stored);
    }

    [Fact]
    public void The_default_is_600000_iterations() => Assert.Equal(600_000, new UsersOptions().Password.Iterations);

    [Fact]
    public void Each_hash_has_its_own_salt()
    {
        var hasher = Hasher(1000);
        var first = hasher.Hash("correct horse battery staple");
        var second = hasher.Hash("correct horse battery staple");

        Assert.NotEqual(first.Split('$')[2], second.Split('$')[2]);
        Assert.NotEqual(first.Split('$')[3], second.Split('$')[3]);
        Assert.Equal(16, Convert.FromBase64String(first.Split('$')[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(first.Split('$')[3]).Length);
    }

    [Fact]
    public void Changing_the_iteration_count_keeps_old_hashes_valid()
    {
        var old = Hasher(1000).Hash("correct horse battery staple");
        var raised = Hasher(3000);

        Assert.True(raised.Verify("correct horse battery staple", old));
        Assert.Equal(3000, PasswordHasher.IterationsOf(raised.Hash("correct horse battery staple")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bcrypt$1000$c2FsdA==$aGFzaA==")]
    [InlineData("pbkdf2-sha256$many$c2FsdA==$aGFzaA==")]
    public void A_malformed_stored_hash_never_verifies(string stored) =>
        Assert.False(Hasher(1000).Verify("correct horse battery staple", stored));
}
