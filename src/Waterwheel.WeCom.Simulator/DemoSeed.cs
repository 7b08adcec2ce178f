using Waterwheel.WeCom.Simulator.State;

namespace Waterwheel.WeCom.Simulator;

/// <summary>A small corp for `dotnet run` demos: two stores, three guides, one tag group.</summary>
public static class DemoSeed
{
    public const string CorpId = "wwdemo0000000001";
    public const string Secret = "demo-secret";

    public static void Apply(SimulatorState state)
    {
        var corp = state.AddCorp(CorpId, Secret);
        lock (state.Sync)
        {
            corp.Departments.Add(new SimDepartment { Id = 2, Name = "Store Nanjing Rd", ParentId = 1, Order = 1 });
            corp.Departments.Add(new SimDepartment { Id = 3, Name = "Store Huaihai Rd", ParentId = 1, Order = 2 });
            corp.AddStaff("guide.li", "Li Na", 2);
            corp.AddStaff("guide.wang", "Wang Fang", 2);
            corp.AddStaff("guide.zhao", "Zhao Lei", 3);
            corp.AddTagGroup("Channel", state.Now, "Store", "Parcel card", "Live stream");
        }
    }
}
