using Waterwheel.WeCom.Tests.Harness;

namespace Waterwheel.WeCom.Tests.Client;

public sealed class StaffEndpointTests
{
    [Fact]
    public async Task Department_list_returns_the_tree_or_a_subtree()
    {
        await using var f = await WeComFixture.Start();
        var all = (await f.Client.ListDepartments(f.App)).Value!.Department;
        Assert.Equal([1L, 2L, 3L], all.Select(d => d.Id).Order());
        Assert.Equal(2, all.Single(d => d.Id == 3).Parentid);

        var east = (await f.Client.ListDepartments(f.App, 2)).Value!.Department;
        Assert.Equal([2L, 3L], east.Select(d => d.Id).Order());
    }

    [Fact]
    public async Task Unknown_department_is_an_error()
    {
        await using var f = await WeComFixture.Start();
        Assert.Equal(60123, (await f.Client.ListDepartments(f.App, 99)).Error!.ErrCode);
    }

    [Fact]
    public async Task User_list_with_and_without_children()
    {
        await using var f = await WeComFixture.Start();
        var direct = (await f.Client.ListUsers(f.App, 2)).Value!.Userlist;
        Assert.Equal(["manager.zhao"], direct.Select(u => u.Userid));

        var all = (await f.Client.ListUsers(f.App, 2, fetchChild: true)).Value!.Userlist;
        Assert.Equal(["guide.li", "guide.wang", "manager.zhao"], all.Select(u => u.Userid).Order(StringComparer.Ordinal));
        var li = all.Single(u => u.Userid == "guide.li");
        Assert.Equal(("Li Na", 1, 3L), (li.Name, li.Status, li.MainDepartment));
        Assert.Equal([3L], li.Department);
    }

    [Fact]
    public async Task Follow_user_list_has_only_members_with_customer_contact()
    {
        await using var f = await WeComFixture.Start();
        var users = (await f.Client.GetFollowUserList(f.App)).Value!.FollowUser;
        Assert.Equal(["guide.li", "guide.wang"], users.Order(StringComparer.Ordinal));
    }
}
