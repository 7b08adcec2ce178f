using Waterwheel.Acquisition.Cards;

namespace Waterwheel.Acquisition.Tests.Cards;

/// <summary>A card's token fits a URL and its state fits WeCom's 30 characters; only a card's state is read as one.</summary>
public sealed class CardTokenTests
{
    [Fact]
    public void Tokens_are_twelve_url_safe_characters_and_do_not_repeat()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => ParcelCard.NewToken()).ToList();
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{12}$", t));
        Assert.Equal(tokens.Count, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.True(ParcelCard.StateOf(t).Length <= 30));
    }

    [Theory]
    [InlineData("pcAbCdEfGh-_12", "AbCdEfGh-_12")]
    [InlineData("pcAbCdEfGh-_1", null)]
    [InlineData("lsAbCdEfGh-_12", null)]
    [InlineData("lc0123456789ab", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_a_cards_state_names_a_card(string? state, string? token) => Assert.Equal(token, CardArrivals.Token(state));
}
