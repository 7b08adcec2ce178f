using Waterwheel.WeCom.Callbacks.Events;

namespace Waterwheel.WeCom.Tests.Events;

public sealed class ChatAndTagEventTests
{
    [Fact]
    public void Chat_update_carries_members_scenes_and_versions()
    {
        var xml = EventXml.Of("change_external_chat", "update",
            "<ChatId><![CDATA[wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA]]></ChatId><UpdateDetail><![CDATA[add_member]]></UpdateDetail>" +
            "<JoinScene>1</JoinScene><QuitScene>0</QuitScene><MemChangeCnt>2</MemChangeCnt>" +
            "<MemChangeList><Item>Jack</Item><Item>Rose</Item></MemChangeList>" +
            "<LastMemVer>9c3f97c2ada667dfb5f6d03308d963e1</LastMemVer><CurMemVer>71217227bbd112ecfe3a49c482195cb4</CurMemVer>");
        var e = Assert.IsType<ExternalChatUpdated>(WeComEventParser.Parse(xml).Value);
        Assert.Equal("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", e.ChatId);
        Assert.Equal(ExternalChatUpdated.AddMember, e.UpdateDetail);
        Assert.Equal((1, 0, 2), (e.JoinScene, e.QuitScene, e.MemChangeCnt));
        Assert.Equal(["Jack", "Rose"], e.MemChangeList);
        Assert.Equal("9c3f97c2ada667dfb5f6d03308d963e1", e.LastMemVer);
        Assert.Equal("71217227bbd112ecfe3a49c482195cb4", e.CurMemVer);
    }

    [Fact]
    public void Chat_update_with_an_unheard_of_join_scene_keeps_the_number()
    {
        var xml = EventXml.Of("change_external_chat", "update", "<ChatId>c</ChatId><UpdateDetail>add_member</UpdateDetail><JoinScene>17</JoinScene>");
        var e = Assert.IsType<ExternalChatUpdated>(WeComEventParser.Parse(xml).Value);
        Assert.Equal(17, e.JoinScene);
        Assert.Empty(e.MemChangeList);
        Assert.Null(e.LastMemVer);
    }

    [Fact]
    public void Chat_create_and_dismiss_are_parsed()
    {
        Assert.Equal("c1", Assert.IsType<ExternalChatCreated>(WeComEventParser.Parse(EventXml.Of("change_external_chat", "create", "<ChatId>c1</ChatId>")).Value).ChatId);
        Assert.Equal("c2", Assert.IsType<ExternalChatDismissed>(WeComEventParser.Parse(EventXml.Of("change_external_chat", "dismiss", "<ChatId>c2</ChatId>")).Value).ChatId);
    }

    [Fact]
    public void Unknown_chat_change_type_is_unknown()
    {
        Assert.IsType<UnknownEvent>(WeComEventParser.Parse(EventXml.Of("change_external_chat", "teleport", "<ChatId>c</ChatId>")).Value);
    }

    [Theory]
    [InlineData("create")]
    [InlineData("update")]
    [InlineData("delete")]
    [InlineData("shuffle")]
    public void Tag_changes_carry_id_type_and_strategy(string changeType)
    {
        var xml = EventXml.Of("change_external_tag", changeType, "<Id>etXXX</Id><TagType>tag_group</TagType><StrategyId>7</StrategyId>");
        var e = Assert.IsType<ExternalTagChanged>(WeComEventParser.Parse(xml).Value);
        Assert.Equal(("etXXX", ExternalTagChanged.TagGroup, "7", changeType), (e.Id, e.TagType, e.StrategyId, e.Header.ChangeType));
    }
}
