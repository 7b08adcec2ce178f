namespace Waterwheel.Bench.Ingest;

/// <summary>The command line: sizes of the run and the databases to run it on.</summary>
internal sealed record Settings(int Events, int Senders, int BatchSize, int People, int Seed, IReadOnlyList<string> Providers, string? Postgres, bool Profile,
    int MaxMinutes, int WarmUp)
{
    public const string Usage = "[--events 100000] [--senders 8] [--batch 100] [--people 20000] [--seed 42] [--provider sqlite|postgres|both] [--postgres <connstring>] [--max-minutes 10] [--warmup 10000] [--profile]";

    public static Settings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var profile = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--profile") { profile = true; continue; }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) throw new ArgumentException($"Usage: {Usage}");
            values[args[i][2..]] = args[++i];
        }
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v) : fallback;
        var postgres = values.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("WATERWHEEL_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(postgres)) postgres = null;
        // PostgreSQL runs whenever a server is named; --provider narrows the run to one of them.
        string[] providers = values.GetValueOrDefault("provider") switch
        {
            null or "both" => postgres is null ? ["sqlite"] : ["sqlite", "postgres"],
            "sqlite" => ["sqlite"],
            "postgres" => ["postgres"],
            var other => throw new ArgumentException($"Unknown provider {other}. Usage: {Usage}"),
        };
        if (providers.Contains("postgres") && postgres is null)
            throw new ArgumentException("postgres needs --postgres <connstring> or WATERWHEEL_TEST_POSTGRES.");
        return new Settings(Int("events", 100_000), Int("senders", 8), Int("batch", 100), Int("people", 20_000), Int("seed", 42), providers, postgres, profile,
            Int("max-minutes", 10), Int("warmup", 10_000));
    }
}
