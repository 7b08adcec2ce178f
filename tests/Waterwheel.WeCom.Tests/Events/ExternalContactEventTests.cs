using Waterwheel.WeCom.Callbacks.Events;

namespace Waterwheel.WeCom.Tests.Events;

public sealed class ExternalContactEventTests
{
    private const string Customer = "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA";

    private static T Parse<T>(string xml) where T : WeComEvent
    {
        var result = WeComEventParser.Parse(xml);
        Assert.True(result.IsSuccess);
        return Assert.IsType<T>(result.Value);
    }

    [Fact]
    public void Add_carries_state_and_welcome_code()
    {
        var e = Parse<ExternalContactAdded>(EventXml.Contact("add_external_contact",
            "<State><![CDATA[store-7]]></State><WelcomeCode><![CDATA[WELCOMECODE]]></WelcomeCode>"));
        Assert.Equal(("zhangsan", Customer, "store-7", "WELCOMECODE", false), (e.UserId, e.ExternalUserId, e.State, e.WelcomeCode, e.WithoutVerification));
        Assert.Equal(("ww123", "sys", 1403610513L), (e.Header.ToUserName, e.Header.FromUserName, e.Header.CreateTime));
    }

    [Fact]
    public void Add_without_welcome_code_leaves_it_null()
    {
        var e = Parse<ExternalContactAdded>(EventXml.Contact("add_external_contact"));
        Assert.Null(e.WelcomeCode);
        Assert.Null(e.State);
    }

    [Fact]
    public void Half_add_is_flagged()
    {
        var e = Parse<ExternalContactAdded>(EventXml.Contact("add_half_external_contact", "<WelcomeCode>W</WelcomeCode>"));
        Assert.True(e.WithoutVerification);
        Assert.Equal("W", e.WelcomeCode);
    }

    [Fact]
    public void Edit_is_parsed()
    {
        var e = Parse<ExternalContactEdited>(EventXml.Contact("edit_external_contact"));
        Assert.Equal("zhangsan", e.UserId);
    }

    [Fact]
    public void Delete_by_staff_carries_source()
    {
        var e = Parse<ExternalContactDeletedByStaff>(EventXml.Contact("del_external_contact", "<Source><![CDATA[DELETE_BY_TRANSFER]]></Source>"));
        Assert.True(e.ByTransfer);
        Assert.False(Parse<ExternalContactDeletedByStaff>(EventXml.Contact("del_external_contact")).ByTransfer);
    }

    [Fact]
    public void Delete_by_customer_is_parsed()
    {
        Assert.Equal(Customer, Parse<FollowUserDeleted>(EventXml.Contact("del_follow_user")).ExternalUserId);
    }

    [Fact]
    public void Transfer_fail_carries_reason()
    {
        var e = Parse<TransferFailed>(EventXml.Contact("transfer_fail", "<FailReason><![CDATA[customer_refused]]></FailReason>"));
        Assert.Equal(TransferFailed.CustomerRefused, e.FailReason);
    }

    [Fact]
    public void Msg_audit_approved_carries_welcome_code()
    {
        Assert.Equal("WC2", Parse<MsgAuditApproved>(EventXml.Contact("msg_audit_approved", "<WelcomeCode>WC2</WelcomeCode>")).WelcomeCode);
    }

    [Fact]
    public void Unknown_change_type_is_an_unknown_event_not_an_exception()
    {
        var xml = EventXml.Contact("add_external_contact_via_hologram");
        var e = Parse<UnknownEvent>(xml);
        Assert.Equal("add_external_contact_via_hologram", e.Header.ChangeType);
        Assert.Equal(xml, e.RawXml);
    }

    [Fact]
    public void Unknown_event_and_text_messages_are_unknown_events()
    {
        Assert.IsType<UnknownEvent>(WeComEventParser.Parse(EventXml.Of("change_contact", "create_user", "")).Value);
        Assert.IsType<UnknownEvent>(WeComEventParser.Parse(Crypto.OfficialVectors.PostPlain).Value);
    }

    [Fact]
    public void Unknown_fields_and_non_numeric_values_are_tolerated()
    {
        var xml = EventXml.Contact("add_external_contact", "<Shiny><Nested>1</Nested></Shiny><WelcomeCode>W</WelcomeCode>")
            .Replace("<CreateTime>1403610513</CreateTime>", "<CreateTime>soon</CreateTime>");
        var e = Parse<ExternalContactAdded>(xml);
        Assert.Equal(0, e.Header.CreateTime);
        Assert.Equal("W", e.WelcomeCode);
    }

    [Fact]
    public void Broken_xml_is_40002()
    {
        Assert.Equal(Waterwheel.WeCom.Callbacks.Crypto.CryptoErrorCode.ParseXml, WeComEventParser.Parse("<xml><Event>").Error);
    }
}
