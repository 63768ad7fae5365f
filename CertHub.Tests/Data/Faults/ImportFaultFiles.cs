using MiniExcelLibs;

namespace CertHub.Tests.Data.Faults;

/// <summary>Files that make an import fail as a whole: an xlsx with another template's columns, and bytes that are no xlsx (or zip).</summary>
public static class ImportFaultFiles
{
    public const string WrongTemplatePrefix = "导入文件与模板不符，缺少列：";

    public static MemoryStream WrongTemplate()
    {
        var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object?> { ["旧列一"] = "张三", ["旧列二"] = "13812345678" } }, sheetName: "Sheet1");
        stream.Position = 0;
        return stream;
    }

    public static MemoryStream Garbage() => new("这不是一个xlsx文件"u8.ToArray());

    /// <summary>An outage that fails the next commit once (the import's rows were written inside its transaction), then lets the database answer again.</summary>
    public static DatabaseOutage CommitFailsOnce() => new() { FailCommit = true, Persistent = false };
}
