using System.Text.Json;
using Waterwheel.WeCom.Client;
using Waterwheel.WeCom.Client.Json;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class TolerantJsonTests
{
    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, WeComJson.Options)!;

    [Fact]
    public void Error_bodies_with_empty_success_fields_read()
    {
        var r = Read<BatchGetByUserResponse>("""{"errcode":45009,"errmsg":"api freq out of limit, hint: [x]","external_contact_list":[]}""");
        Assert.Equal(45009, r.Errcode);
        Assert.Empty(r.ExternalContactList);
    }

    [Fact]
    public void Types_that_drifted_still_read()
    {
        // A string field that became an object, numbers sent as strings, nulls, and fields nobody asked for.
        var r = Read<GetExternalContactResponse>("""
            {"errcode":"0","external_contact":{"external_userid":"wm1","name":{"nick":"x"},"type":"2","gender":null,
             "external_profile":{"wechat_channels":{"nickname":"shop"}},"brand_new_field":[1,2]},
             "follow_user":[{"userid":"u1","createtime":"1700000000","tags":[{"tag_id":"et1","type":1}],"remark_mobiles":null,"add_way":1}]}
            """);
        Assert.Equal(0, r.Errcode);
        Assert.Equal("""{"nick":"x"}""", r.ExternalContact!.Name);
        Assert.Equal((2, 0), (r.ExternalContact.Type, r.ExternalContact.Gender));
        Assert.Equal("shop", r.ExternalContact.ExternalProfile!.Value.GetProperty("wechat_channels").GetProperty("nickname").GetString());
        Assert.Equal(1700000000, r.FollowUser[0].Createtime);
        Assert.Equal("et1", r.FollowUser[0].Tags[0].TagId);
    }

    [Fact]
    public void Numbers_read_into_string_ids()
    {
        Assert.Equal("12345", Read<CorpTag>("""{"id":12345}""").Id);
    }

    [Fact]
    public void Requests_use_wecom_field_spelling_and_skip_nulls()
    {
        var json = JsonSerializer.Serialize(new RemarkRequest("u1", "wm1", RemarkCompany: "ACME", RemarkPicMediaid: "m1"), WeComJson.Options);
        Assert.Equal("""{"userid":"u1","external_userid":"wm1","remark_company":"ACME","remark_pic_mediaid":"m1"}""", json);
        var link = JsonSerializer.Serialize(new Attachment("link", Link: new LinkAttachment("t", "u", Picurl: "p")), WeComJson.Options);
        Assert.Equal("""{"msgtype":"link","link":{"title":"t","url":"u","picurl":"p"}}""", link);
    }
}
