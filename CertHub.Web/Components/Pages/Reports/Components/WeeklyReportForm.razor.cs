using CertHub.Core.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CertHub.Web.Components.Pages.Reports.Components;

/// <summary>What the form hands to its page on 保存 or 提交.</summary>
public sealed record WeeklyReportFormResult(WeeklyReportInput Input, ScanUpload? Scan, bool Submit);

/// <summary>
/// 提交周报 / 编辑 form. It holds only the typed values; the page calls <see cref="WeeklyReportService"/>.
/// 保存 and 提交 are disabled while a text is over 1000 characters or a save is running; 提交 also needs every field and a scan.
/// </summary>
public partial class WeeklyReportForm
{
    private bool _busy;
    private string? _scanError;
    private ScanUpload? _scan;

    [Parameter, EditorRequired]
    public WeeklyReportHeader Header { get; set; } = default!;

    [Parameter]
    public WeeklyReportInput? Initial { get; set; }

    /// <summary>The file name of a scan already stored with the report.</summary>
    [Parameter]
    public string? ExistingScanName { get; set; }

    [Parameter]
    public EventCallback<WeeklyReportFormResult> OnSave { get; set; }

    /// <summary>生成草稿: returns the drafted 工作进展 HTML.</summary>
    [Parameter]
    public Func<Task<string?>>? Draft { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    public string WorkProgress { get; set; } = "";

    public string Difficulties { get; set; } = "";

    public string PolicySuggestions { get; set; } = "";

    private string? ScanName => _scan?.FileName ?? ExistingScanName;

    private string PeriodRange => $"{Header.Period.Start.Month}月{Header.Period.Start.Day}日-{Header.Period.End.Month}月{Header.Period.End.Day}日";

    private bool WithinLimits => new[] { WorkProgress, Difficulties, PolicySuggestions }.All(t => Core.Reports.RichText.CountText(t) <= WeeklyReport.TextMaxLength);

    private bool CanSave => !_busy && WithinLimits;

    private bool CanSubmit => CanSave
        && new[] { WorkProgress, Difficulties, PolicySuggestions }.All(t => Core.Reports.RichText.CountText(t) > 0)
        && ScanName is not null;

    private bool _initialised;

    protected override void OnParametersSet()
    {
        if (!_initialised && Initial is not null)
        {
            (WorkProgress, Difficulties, PolicySuggestions) = (Initial.WorkProgressHtml ?? "", Initial.DifficultiesHtml ?? "", Initial.PolicySuggestionsHtml ?? "");
            _initialised = true;
        }
    }

    private async Task ScanChangedAsync(InputFileChangeEventArgs e)
    {
        _scanError = null;
        if (e.FileCount != 1)
        {
            _scanError = "只允许上传一个文件";
            return;
        }

        if (e.File.Size > ScanPdfRules.MaxBytes)
        {
            _scanError = ScanPdfRules.TooLargeMessage;
            return;
        }

        using var buffer = new MemoryStream();
        await using (var stream = e.File.OpenReadStream(ScanPdfRules.MaxBytes))
        {
            await stream.CopyToAsync(buffer);
        }

        var content = buffer.ToArray();
        if (!ScanPdfRules.IsPdf(content))
        {
            _scanError = ScanPdfRules.NotPdfMessage;
            return;
        }

        _scan = new ScanUpload(e.File.Name, content);
    }

    private async Task DraftAsync()
    {
        if (Draft is null)
        {
            return;
        }

        _busy = true;
        try
        {
            var html = await Draft();
            if (html is not null)
            {
                WorkProgress = html;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SaveAsync(bool submit)
    {
        _busy = true;
        try
        {
            await OnSave.InvokeAsync(new WeeklyReportFormResult(new WeeklyReportInput(WorkProgress, Difficulties, PolicySuggestions), _scan, submit));
        }
        finally
        {
            _busy = false;
        }
    }
}
