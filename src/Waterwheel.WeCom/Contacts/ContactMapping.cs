namespace Waterwheel.WeCom.Contacts;

/// <summary>How WeCom's view of a customer lands in the stored contact; shared by callbacks and sync.</summary>
internal static class ContactMapping
{
    public static void CopyFrom(this ExternalContact contact, Client.ExternalContact remote, DateTime now)
    {
        contact.Name = remote.Name ?? contact.Name;
        contact.Avatar = remote.Avatar;
        contact.Type = remote.Type;
        contact.Gender = remote.Gender;
        contact.UnionId = remote.Unionid;
        contact.CorpName = remote.CorpName;
        contact.UpdatedAt = now;
    }
}
