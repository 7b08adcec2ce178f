using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Waterwheel.Testing;

namespace Waterwheel.Customers.Tests.Integration.Imports;

/// <summary>
/// Two app nodes on one database: the node that takes the upload does no import work, the other does it from the file
/// stored in the database, and the uploading node's own copy of the file goes once the import is done.
/// </summary>
public abstract class ImportAcrossNodesTests(string provider) : IAsyncLifetime
{
    private readonly string _folderA = Directory.CreateTempSubdirectory("waterwheel-node-a-").FullName;
    private readonly string _folderB = Directory.CreateTempSubdirectory("waterwheel-node-b-").FullName;
    private WaterwheelApp _uploads = null!;
    private WaterwheelApp _worker = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.Create(provider);
        _uploads = new WaterwheelApp(database, Settings(_folderA, runWorker: false)) { KeepDatabase = true };
        _ = _uploads.Server;
        _worker = new WaterwheelApp(database, Settings(_folderB, runWorker: true));
        _ = _worker.Server;
    }

    private static Dictionary<string, string?> Settings(string folder, bool runWorker) => new()
    {
        ["Waterwheel:Customers:Imports:WorkDirectory"] = folder,
        ["Waterwheel:Customers:Imports:RunWorker"] = runWorker.ToString(),
        ["Waterwheel:Customers:Imports:PollInterval"] = "00:00:00.200",
        ["Waterwheel:Customers:Imports:SweepInterval"] = "00:00:00.200",
    };

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _uploads.DisposeAsync();
        await _uploads.Database.DisposeAsync();
        foreach (var folder in new[] { _folderA, _folderB }) try { Directory.Delete(folder, true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_file_uploaded_to_one_node_is_checked_and_committed_by_another()
    {
        var admin = await _uploads.SignedIn(WaterwheelApp.AdminUser, WaterwheelApp.AdminPassword);
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(ExportFiles.TmallGbk(orders: 30, buyers: 10));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "file", "tmall.csv");
        using var uploaded = await admin.PostAsync("/api/customers/imports?template=tmall", content);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var id = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Single(Directory.GetFiles(_folderA, "*.upload"));

        await Until(admin, id, "Validated");
        Assert.Single(Directory.GetFiles(_folderB, "*.upload"));
        using (var commit = await admin.PostAsJsonAsync($"/api/customers/imports/{id}/commit", new { mode = "AllOrNothing" }))
            Assert.Equal(HttpStatusCode.OK, commit.StatusCode);
        var done = await Until(admin, id, "Done");
        Assert.Equal((28, 2), (done.GetProperty("writtenRows").GetInt32(), done.GetProperty("skippedRows").GetInt32()));

        for (var i = 0; i < 100 && Directory.GetFiles(_folderA, "*.upload").Length > 0; i++) await Task.Delay(50);
        Assert.Empty(Directory.GetFiles(_folderA, "*.upload"));
        Assert.Empty(Directory.GetFiles(_folderB, "*.upload"));
    }

    private static async Task<JsonElement> Until(HttpClient client, Guid id, string status)
    {
        JsonElement job = default;
        for (var i = 0; i < 600; i++)
        {
            job = await client.GetFromJsonAsync<JsonElement>($"/api/customers/imports/{id}");
            if (job.GetProperty("status").GetString() == status) return job;
            await Task.Delay(50);
        }
        Assert.Fail($"Import {id} did not reach {status}: {job}");
        return job;
    }
}

public sealed class ImportAcrossNodesSqlite() : ImportAcrossNodesTests("sqlite");

public sealed class ImportAcrossNodesPostgres() : ImportAcrossNodesTests("postgres");
