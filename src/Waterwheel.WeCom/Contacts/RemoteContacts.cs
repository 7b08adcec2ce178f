using Waterwheel.WeCom.Client;

namespace Waterwheel.WeCom.Contacts;

/// <summary>A customer as externalcontact/get describes them, with the follow users of every page.</summary>
internal sealed record RemoteContact(Client.ExternalContact? Contact, IReadOnlyList<FollowUser> FollowUsers)
{
    public FollowUser? FollowUser(string userId) => FollowUsers.FirstOrDefault(f => f.Userid == userId);
}

/// <summary>
/// Reads one customer whole. externalcontact/get lists at most 500 follow users a call and hands a next_cursor for the
/// rest, so a customer followed by many guides would otherwise seem not to know most of them.
/// </summary>
internal sealed class RemoteContacts(IWeComClient client)
{
    // 100 pages are 50,000 follow users; the cap only stops a cursor that never ends from looping forever.
    private const int MaxPages = 100;

    public async Task<WeComResult<RemoteContact>> Get(WeComApp app, string externalUserId, CancellationToken ct)
    {
        Client.ExternalContact? contact = null;
        var followUsers = new List<FollowUser>();
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var fetched = await client.GetExternalContact(app, externalUserId, cursor, ct);
            if (!fetched.IsSuccess) return fetched.Error!;
            contact ??= fetched.Value!.ExternalContact;
            followUsers.AddRange(fetched.Value!.FollowUser);
            var next = fetched.Value.NextCursor;
            if (string.IsNullOrEmpty(next) || next == cursor) break;
            cursor = next;
        }
        return new RemoteContact(contact, followUsers);
    }
}
