using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator.Crowd;

public sealed partial class SimulatedCrowd
{
    /// <summary>
    /// The member confirms a mass message in the client, which is when WeCom actually sends it. A customer who is no
    /// longer a friend gets status 2; one over the monthly quota gets status 3, which is how the quota shows up.
    /// Returns how many recipients it reached.
    /// </summary>
    public int StaffConfirmsMassMessage(string corpId, string msgid, string userid)
    {
        var corp = state.Corp(corpId);
        lock (state.Sync)
        {
            var message = corp.MassMessages[msgid];
            if (message.Cancelled || !message.Tasks.TryGetValue(userid, out var task) || task.Status != 0) return 0;
            var now = state.Time.GetUtcNow();
            (task.Status, task.SendTime) = (2, now.ToUnixTimeSeconds());
            var reached = 0;
            foreach (var target in message.Targets.Where(t => t.Userid == userid))
            {
                target.SendTime = now.ToUnixTimeSeconds();
                target.Status = target.ChatId is not null ? 1
                    : corp.Follow(userid, target.ExternalUserid!) is null ? 2
                    : ReceivedThisMonth(corp, target.ExternalUserid!, now) >= Quota(corp, now) ? 3
                    : 1;
                if (target.Status == 1) reached++;
            }
            return reached;
        }
    }

    private static int Quota(SimCorp corp, DateTimeOffset now) =>
        corp.MassMessagesPerCustomerPerMonth ?? DateTime.DaysInMonth(now.Year, now.Month);

    private static int ReceivedThisMonth(SimCorp corp, string externalUserid, DateTimeOffset now) =>
        corp.MassMessages.Values.SelectMany(m => m.Targets)
            .Count(t => t.ExternalUserid == externalUserid && t.Status == 1
                && DateTimeOffset.FromUnixTimeSeconds(t.SendTime) is var at && at.Year == now.Year && at.Month == now.Month);
}
