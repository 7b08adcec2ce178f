using System.Text.RegularExpressions;
using Xunit;

namespace Waterwheel.Architecture.Tests;

/// <summary>
/// "找不到该{0}" names the thing in the operator's language from the Platform's text resources: a module that reports a
/// new kind of thing as not found adds its Chinese name there, or a Chinese operator reads an English word.
/// </summary>
public sealed partial class NotFoundNameTests
{
    [Fact]
    public void Everything_reported_as_not_found_has_a_Chinese_name()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Waterwheel.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        var src = Path.Combine(root.FullName, "src");
        var reported = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => NotFound().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        var chinese = File.ReadAllText(Path.Combine(src, "Waterwheel.Platform", "Resources", "ValidationText.zh-CN.resx"));
        var named = ChineseName().Matches(chinese).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.True(reported.Count > 10, "the scan found the NotFound calls");
        Assert.Empty(reported.Except(named).Order());
    }

    [GeneratedRegex("""Error\.NotFound\("([^"]+)"\)""")]
    private static partial Regex NotFound();

    [GeneratedRegex("""<data name="Name\.([^"]+)"[^>]*>\s*<value>[^<]*\p{IsCJKUnifiedIdeographs}""")]
    private static partial Regex ChineseName();
}
