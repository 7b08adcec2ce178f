using Waterwheel.WeCom.Callbacks.Events;

namespace Waterwheel.WeCom.Tests.Events;

public sealed class DedupeKeyTests
{
    private static string Key(string xml) => WeComEventParser.Parse(xml).Value!.DedupeKey;

    [Fact]
    public void A_retried_identical_body_has_the_same_key()
    {
        var xml = EventXml.Contact("add_external_contact", "<WelcomeCode>W</WelcomeCode>");
        Assert.Equal(Key(xml), Key(xml));
        Assert.StartsWith("sys|1403610513|", Key(xml));
    }

    [Fact]
    public void Two_customers_added_in_the_same_second_have_different_keys()
    {
        var a = EventXml.Contact("add_external_contact");
        var b = a.Replace("woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB");
        Assert.NotEqual(Key(a), Key(b));
    }

    [Fact]
    public void Add_and_delete_of_one_relation_in_one_second_differ()
    {
        Assert.NotEqual(Key(EventXml.Contact("add_external_contact")), Key(EventXml.Contact("del_follow_user")));
    }

    [Fact]
    public void Different_create_times_differ()
    {
        Assert.NotEqual(Key(EventXml.Contact("edit_external_contact", createTime: 1)), Key(EventXml.Contact("edit_external_contact", createTime: 2)));
    }

    [Fact]
    public void Unknown_events_are_keyed_by_content()
    {
        var a = EventXml.Of("x", "y", "<A>1</A>");
        var b = EventXml.Of("x", "y", "<A>2</A>");
        Assert.Equal(Key(a), Key(a));
        Assert.NotEqual(Key(a), Key(b));
    }
}
