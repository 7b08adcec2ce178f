using System.Text.RegularExpressions;
using Xunit;

namespace Waterwheel.Architecture.Tests;

/// <summary>
/// On a phone MudBlazor shows each table row as a card, and a cell's field name there is its DataLabel: a cell without
/// one is a bare value nobody can place. Only the row's actions cell (marked ww-actions) goes without.
/// </summary>
public sealed partial class ConsoleTableTests
{
    [Fact]
    public void Every_table_cell_of_the_console_names_its_field_for_phone_cards()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Waterwheel.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        var pages = Directory.GetFiles(Path.Combine(root.FullName, "src", "Waterwheel.Console"), "*.razor", SearchOption.AllDirectories);
        var unnamed = pages
            .SelectMany(page => Cell().Matches(File.ReadAllText(page))
                .Where(cell => !cell.Value.Contains("DataLabel=") && !cell.Value.Contains("ww-actions"))
                .Select(cell => $"{Path.GetFileName(page)}: {cell.Value}"))
            .ToList();
        Assert.True(pages.Length > 10 && unnamed.Count == 0, "cells without a DataLabel:\n" + string.Join("\n", unnamed));
    }

    [GeneratedRegex(@"<MudTd\b[^>]*>")]
    private static partial Regex Cell();
}
