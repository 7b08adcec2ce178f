using System.Text;
using Waterwheel.Platform.Api;
using Waterwheel.Testing;

namespace Waterwheel.Platform.Tests.Unit;

public sealed class BoundedBodyTests
{
    [Fact]
    public async Task A_body_within_the_limit_is_read_whole()
    {
        var text = new string('x', 1000);
        Assert.Equal(text, await BoundedBody.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), 1000, CancellationToken.None));
    }

    [Fact]
    public async Task Reading_stops_one_byte_past_the_limit()
    {
        var body = new EndlessStream(long.MaxValue);

        Assert.Null(await BoundedBody.Read(body, 64 * 1024, CancellationToken.None));
        Assert.Equal(64 * 1024 + 1, body.Produced);
    }
}
