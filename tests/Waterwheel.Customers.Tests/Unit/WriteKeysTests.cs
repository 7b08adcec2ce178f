using System.Text;
using Waterwheel.Customers.Sources;

namespace Waterwheel.Customers.Tests.Unit;

public sealed class WriteKeysTests
{
    [Fact]
    public void A_key_names_its_source_and_matches_only_its_own_hash()
    {
        var id = Guid.NewGuid();
        var (key, hash) = WriteKeys.Issue(id);
        Assert.Equal(id, WriteKeys.SourceOf(key));
        Assert.True(WriteKeys.Matches(key, hash));
        Assert.False(WriteKeys.Matches(key + "x", hash));
    }

    [Fact]
    public void Segment_libraries_send_the_key_as_the_basic_user_name_with_an_empty_password()
    {
        var header = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("wk_abc_def:"));
        Assert.Equal("wk_abc_def", WriteKeys.FromAuthorization(header));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    [InlineData("Basic %%%")]
    public void Anything_else_is_no_key(string? header) => Assert.Null(WriteKeys.FromAuthorization(header));
}
