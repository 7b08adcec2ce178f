namespace Waterwheel.WeCom.Simulator.State;

/// <summary>
/// The whole simulated WeCom: corps, tokens and injected faults. One lock guards the data because the simulator
/// favours being obviously correct over throughput.
/// </summary>
public sealed class SimulatorState(TimeProvider time)
{
    public object Sync { get; } = new();
    public Dictionary<string, SimCorp> Corps { get; } = [];
    public SimTokens Tokens { get; } = new(time);
    public SimFaults Faults { get; } = new();
    public TimeProvider Time => time;

    public long Now => time.GetUtcNow().ToUnixTimeSeconds();

    public SimCorp AddCorp(string corpId, params string[] secrets)
    {
        lock (Sync)
        {
            var corp = new SimCorp(corpId);
            corp.Secrets.UnionWith(secrets);
            corp.Departments.Add(new SimDepartment { Id = 1, Name = corpId, ParentId = 0, Order = 1 });
            Corps[corpId] = corp;
            return corp;
        }
    }

    public SimCorp Corp(string corpId)
    {
        lock (Sync) return Corps[corpId];
    }
}
