using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Microsoft.Data.Sqlite;
using Waterwheel.Testing;
using Waterwheel.WeCom.Simulator.State;
using Waterwheel.WeCom.Tests.Client;
using Waterwheel.WeCom.Tests.Integration;
using Xunit.Abstractions;

namespace Waterwheel.WeCom.Tests.Cluster;

/// <summary>
/// A deployment in miniature: server nodes as real processes on one database (and, on PostgreSQL, one Redis), the WeCom
/// simulator on a real port pushing callbacks to the nodes in turn. Tests read the outcome from the database itself.
/// </summary>
internal sealed class ClusterHarness : IAsyncDisposable
{
    private const string AdminUser = "cluster-admin";
    private const string AdminPassword = "Cluster-admin-pass-1";
    private readonly string _keys = Path.Combine(Directory.CreateTempSubdirectory("waterwheel-cluster-").FullName, "pii-keys.json");
    private readonly ITestOutputHelper _output;
    private readonly Dictionary<string, (NodeProcess? Process, int Port)> _nodes = [];

    private ClusterHarness(TestDatabase database, KestrelSimulator simulator, RoundRobin balancer, ITestOutputHelper output) =>
        (Database, Simulator, Balancer, _output) = (database, simulator, balancer, output);

    public TestDatabase Database { get; }
    public KestrelSimulator Simulator { get; }
    public RoundRobin Balancer { get; }
    public Guid TenantId { get; private set; }
    public SimCorp Corp => Simulator.State.Corp(AppWithSimulator.CorpId);

    public static async Task<ClusterHarness> Start(string provider, ITestOutputHelper output)
    {
        var balancer = new RoundRobin();
        return new ClusterHarness(await TestDatabase.Create(provider), await KestrelSimulator.Start(balancer), balancer, output);
    }

    /// <summary>Starts (or restarts, on its old port) a node; the first start of the first node provisions the brand.</summary>
    public async Task<NodeProcess> StartNode(string name)
    {
        var port = _nodes.TryGetValue(name, out var known) ? known.Port : NodeProcess.FreePort();
        var node = await NodeProcess.Start(name, port, Settings());
        _nodes[name] = (node, port);
        lock (Balancer.Nodes) if (!Balancer.Nodes.Contains(node.Address)) Balancer.Nodes.Add(node.Address);
        return node;
    }

    public async Task Kill(string name)
    {
        if (_nodes[name].Process is { } process)
        {
            await process.Kill();
            _output.WriteLine(process.Output);
        }
    }

    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>
        {
            ["Waterwheel__Database__Provider"] = Database.Provider,
            ["Waterwheel__Database__StrictQueries"] = "true",
            ["Waterwheel__Database__ConnectionString"] = Database.ConnectionString,
            ["Waterwheel__Demo__Enabled"] = "false",
            ["Waterwheel__SignIn__PermitLimit"] = "100000",
            ["Waterwheel__Bootstrap__TenantName"] = "Cluster Bakery",
            ["Waterwheel__Bootstrap__TenantCode"] = "cluster",
            ["Waterwheel__Bootstrap__AdminUserName"] = AdminUser,
            ["Waterwheel__Bootstrap__AdminPassword"] = AdminPassword,
            ["Waterwheel__Bootstrap__AdminMobile"] = "13900000009",
            ["Waterwheel__Pii__KeyFile"] = _keys,
            ["Waterwheel__WeCom__BaseAddress"] = Simulator.Address.ToString(),
            // A short lease, so that a killed node's claims pass to the other within the test.
            ["Waterwheel__Inbox__Lease"] = "00:00:03",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        if (Database.Provider == "postgres")
        {
            settings["ConnectionStrings__Redis"] = Environment.GetEnvironmentVariable(SharedTokenTests.RedisVariable)
                ?? throw new InvalidOperationException($"{SharedTokenTests.RedisVariable} is not set: run the tests with ./test.sh.");
            settings["Waterwheel__Cache__KeyPrefix"] = $"cluster-{Guid.NewGuid():N}:";
        }
        return settings;
    }

    /// <summary>A signed-in console session against one node.</summary>
    public async Task<HttpClient> Admin(NodeProcess node)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = node.Address };
        (await http.PostAsJsonAsync("/api/session", new { userName = AdminUser, password = AdminPassword })).EnsureSuccessStatusCode();
        return http;
    }

    /// <summary>Connects the brand to the simulated corp, with two guides, and points the corp's callbacks at the balancer.</summary>
    public async Task Connect(NodeProcess node)
    {
        using var admin = await Admin(node);
        TenantId = (await admin.GetFromJsonAsync<JsonElement>("/api/platform/me")).GetProperty("tenantId").GetGuid();
        var corp = Simulator.State.AddCorp(AppWithSimulator.CorpId, AppWithSimulator.Secret);
        lock (Simulator.State.Sync)
        {
            corp.AddStaff("guide.li", "李娜", 1);
            corp.AddStaff("guide.wang", "王芳", 1);
            corp.Callback = new SimCallbackConfig(new Uri($"http://balancer/wecom/callback/{TenantId:N}"), AppWithSimulator.Token, AppWithSimulator.AesKey);
        }
        (await admin.PutAsJsonAsync("/api/wecom/connection", new
        {
            corpId = AppWithSimulator.CorpId, secret = AppWithSimulator.Secret, callbackToken = AppWithSimulator.Token,
            encodingAesKey = AppWithSimulator.AesKey, welcomeText = AppWithSimulator.Welcome,
        })).EnsureSuccessStatusCode();
    }

    /// <summary>Rows of a query against the cluster's database, read the way an operator's SQL console would.</summary>
    public async Task<List<object?[]>> Query(string postgresSql, string sqliteSql)
    {
        var rows = new List<object?[]>();
        if (Database.Provider == "postgres")
        {
            await using var connection = new NpgsqlConnection(Database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(postgresSql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(Row(reader));
        }
        else
        {
            await using var connection = new SqliteConnection(Database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new SqliteCommand(sqliteSql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(Row(reader));
        }
        return rows;
    }

    private static object?[] Row(System.Data.Common.DbDataReader reader)
    {
        var values = new object?[reader.FieldCount];
        for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return values;
    }

    /// <summary>The stored WeCom callbacks: partition (the customer), the event's change type, handled and failed times.</summary>
    public async Task<List<StoredCallback>> Callbacks()
    {
        var rows = await Query(
            """SELECT "Partition", "Payload", "ReceivedAt", "ProcessedAt", "FailedAt" FROM platform.inbox WHERE "Source" = 'wecom.callback'""",
            """SELECT "Partition", "Payload", "ReceivedAt", "ProcessedAt", "FailedAt" FROM platform_inbox WHERE "Source" = 'wecom.callback'""");
        return rows.Select(r => new StoredCallback((string?)r[0], ChangeType((string)r[1]!), Instant(r[2])!.Value, Instant(r[3]), Instant(r[4]))).ToList();
    }

    /// <summary>External user ids whose relation recorded a sent welcome.</summary>
    public async Task<HashSet<string>> Welcomed() =>
        (await Query("""SELECT "ExternalUserId" FROM wecom.follow_relations WHERE "WelcomeSentAt" IS NOT NULL""",
            """SELECT "ExternalUserId" FROM wecom_follow_relations WHERE "WelcomeSentAt" IS NOT NULL""")).Select(r => (string)r[0]!).ToHashSet();

    private static DateTime? Instant(object? value) => value switch
    {
        null => null,
        DateTime d => d,
        string s => DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Not an instant: {value}"),
    };

    private static string ChangeType(string xml) =>
        System.Text.RegularExpressions.Regex.Match(xml, "<ChangeType><!\\[CDATA\\[(.*?)\\]\\]></ChangeType>|<ChangeType>(.*?)</ChangeType>") is { Success: true } m
            ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) : "";

    /// <summary>
    /// No customer got two welcomes, and each of <paramref name="expected"/> got one, unless its code had expired before
    /// a node could use it (WeCom gives 20 s; a node restarting on a loaded machine can take longer): then none.
    /// </summary>
    public async Task AssertWelcomedAtMostOnce(IEnumerable<string> expected)
    {
        var handled = (await Callbacks()).Where(c => c.ChangeType == "add_external_contact" && c.Partition is not null)
            .ToDictionary(c => c.Partition!, c => c.ProcessedAt);
        lock (Simulator.State.Sync)
        {
            var delivered = Corp.Delivered.GroupBy(d => d.ExternalUserid).ToDictionary(d => d.Key, d => d.Count());
            Assert.All(delivered, d => Assert.Equal(1, d.Value));
            var missed = expected.Where(e => !delivered.ContainsKey(e)).ToList();
            foreach (var customer in missed)
            {
                var code = Corp.WelcomeCodes.Values.Single(c => c.ExternalUserid == customer);
                Assert.True(handled.GetValueOrDefault(customer) > code.IssuedAt.UtcDateTime + TimeSpan.FromSeconds(20),
                    $"{customer} got no welcome although a node handled the add while its code was alive.");
            }
            _output.WriteLine($"{delivered.Count} welcomed; {missed.Count} handled only after their code expired");
        }
    }

    /// <summary>Waits until the condition holds, or fails with what the nodes printed.</summary>
    public async Task Eventually(Func<Task<bool>> condition, string what, int seconds = 90)
    {
        for (var i = 0; i < seconds * 5; i++)
        {
            if (await condition()) return;
            await Task.Delay(200);
        }
        foreach (var (_, (process, _)) in _nodes) if (process is not null) _output.WriteLine(process.Output);
        Assert.Fail($"Timed out waiting until {what}.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, (process, _)) in _nodes)
            if (process is not null) await process.DisposeAsync();
        await Simulator.DisposeAsync();
        await Database.DisposeAsync();
        try { Directory.Delete(Path.GetDirectoryName(_keys)!, recursive: true); } catch (IOException) { }
    }
}

internal sealed record StoredCallback(string? Partition, string ChangeType, DateTime ReceivedAt, DateTime? ProcessedAt, DateTime? FailedAt);
