using System.Text;
using Waterwheel.Platform.Api;

namespace Waterwheel.Platform.Tests.Unit;

[CsvHelper.CsvRecord]
public sealed partial record CsvTestRow(string Text, double Number);

public sealed class CsvExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")")]
    [InlineData("+1+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    public void Text_that_a_spreadsheet_would_run_is_written_as_text(string text)
    {
        var csv = Encoding.UTF8.GetString(CsvExport.Write([new CsvTestRow(text, -5)]));

        var cell = csv.Split('\n')[1].TrimEnd('\r');
        Assert.StartsWith("'", cell.TrimStart('"'));
        Assert.EndsWith(",-5", cell);
    }

    [Fact]
    public void Ordinary_text_is_unchanged()
    {
        var csv = Encoding.UTF8.GetString(CsvExport.Write([new CsvTestRow("南京西路店 a-b", 1.5)]));
        Assert.Contains("南京西路店 a-b,1.5", csv);
    }
}
