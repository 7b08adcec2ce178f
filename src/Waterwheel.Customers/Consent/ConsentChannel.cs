namespace Waterwheel.Customers.Consent;

/// <summary>A way the brand may reach a person with marketing; each needs its own consent (PIPL art. 14: specific and informed).</summary>
public enum ConsentChannel
{
    /// <summary>企业微信1对1消息: a guide's one-to-one message on WeCom.</summary>
    WeComMessage,

    /// <summary>短信.</summary>
    Sms,

    /// <summary>邮件.</summary>
    Email,

    /// <summary>电话: a phone call.</summary>
    PhoneCall,

    /// <summary>公众号模板消息: a WeChat official account's template message.</summary>
    OfficialAccountTemplate,
}

/// <summary>Where a grant or withdrawal was told to the brand.</summary>
public enum ConsentSource
{
    /// <summary>Recorded by staff in the console or through the API.</summary>
    Console,

    /// <summary>A file import (e-commerce or POS members).</summary>
    Import,

    /// <summary>The tracking API: <c>context.consent.categoryPreferences</c> (ADR 11).</summary>
    TrackingApi,

    /// <summary>WeCom (a customer's reply or a guide's record there).</summary>
    WeCom,
}

public static class ConsentChannels
{
    /// <summary>The codes senders use (ADR 11), e.g. <c>{"sms": false}</c>.</summary>
    public static readonly IReadOnlyDictionary<string, ConsentChannel> ByCode = new Dictionary<string, ConsentChannel>(StringComparer.OrdinalIgnoreCase)
    {
        ["wecom_message"] = ConsentChannel.WeComMessage,
        ["sms"] = ConsentChannel.Sms,
        ["email"] = ConsentChannel.Email,
        ["phone_call"] = ConsentChannel.PhoneCall,
        ["official_account_template"] = ConsentChannel.OfficialAccountTemplate,
    };

    /// <summary>The channel's name as a Chinese data subject reads it in their personal-data copy.</summary>
    public static string ChineseName(this ConsentChannel channel) => channel switch
    {
        ConsentChannel.WeComMessage => "企业微信1对1消息",
        ConsentChannel.Sms => "短信",
        ConsentChannel.Email => "邮件",
        ConsentChannel.PhoneCall => "电话",
        ConsentChannel.OfficialAccountTemplate => "公众号模板消息",
        _ => channel.ToString(),
    };
}
