namespace CertHub.Core.Invigilators.Import;

/// <summary>监考人员导入模板: its Chinese headers, an example row and the rules sheet.</summary>
public static class InvigilatorImportTemplate
{
    public const string FileName = "监考人员导入模板.xlsx";
    public const string SheetName = "监考人员";
    public const string RulesSheet = "填写说明";
    public const string Name = "教师姓名";
    public const string IdNumber = "身份证号码";
    public const string Phone = "手机号码";
    public const string Region = "所在区域";
    public const string Title = "职称";
    public const string Department = "所在部门";
    public const string Certificates = "申请证书";
    public const string FailureReason = "失败原因";

    public static IReadOnlyList<string> Headers { get; } = [Name, IdNumber, Phone, Region, Title, Department, Certificates];

    public static IReadOnlyDictionary<string, string?> Example { get; } = new Dictionary<string, string?>
    {
        [Name] = "王老师",
        [IdNumber] = "110101198001010010",
        [Phone] = "13812345678",
        [Region] = "北京市海淀区",
        [Title] = "讲师",
        [Department] = "物流学院",
        [Certificates] = "物流管理(初级)；物流管理(中级)",
    };

    public static IReadOnlyList<(string Column, string Rule)> Rules { get; } =
    [
        (Name, "必填，不超过20个字"),
        (IdNumber, "必填，18位居民身份证号码（校验位正确）；同一院校不能重复"),
        (Phone, "必填，11位手机号码"),
        (Region, "选填"),
        (Title, "选填"),
        (Department, "选填"),
        (Certificates, "必填，格式为“证书名称(等级)”，等级为初级、中级或高级；多个证书用“；”分隔"),
    ];
}

/// <summary>One row of an invigilator sheet as typed (1-based sheet row number; the header is row 1).</summary>
public sealed record InvigilatorImportRow(int RowNumber, IReadOnlyDictionary<string, string?> Cells)
{
    public string? this[string column] => Cells.TryGetValue(column, out var value) ? value?.Trim() : null;

    public bool IsEmpty => Cells.Values.All(string.IsNullOrWhiteSpace);
}

/// <summary>A refused row and why.</summary>
public sealed record InvigilatorImportFailure(InvigilatorImportRow Row, string Reason);

/// <summary>The xlsx side of the 监考人员 import (MiniExcel lives in Web).</summary>
public interface IInvigilatorSheet
{
    IEnumerable<InvigilatorImportRow> ReadRows(Stream xlsx);

    /// <summary>The failed rows: the original columns plus 失败原因.</summary>
    Task<Stream> WriteFailedRowsAsync(IEnumerable<InvigilatorImportFailure> failures, CancellationToken ct);
}
