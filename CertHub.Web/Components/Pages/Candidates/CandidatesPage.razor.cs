using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Common;
using CertHub.Web.Api;
using CertHub.Web.Components.Shared;
using CertHub.Web.Documents.Excel;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Candidates;

/// <summary>5.2.3 考生管理: 院校考生 / 社会考生 tabs, filters, status tabs with counts, and every action of the manual.</summary>
public partial class CandidatesPage
{
    private static readonly IReadOnlyList<XlsxColumn<CandidateExportRow>> ExportColumns =
    [
        new(CandidateImportTemplate.Name, c => c.Name),
        new(CandidateImportTemplate.Pinyin, c => c.Pinyin),
        new(CandidateImportTemplate.IdType, c => c.IdType.ToDisplayName()),
        new(CandidateImportTemplate.IdNumber, c => c.IdNumber),
        new(CandidateImportTemplate.Phone, c => c.Phone),
        new(CandidateImportTemplate.Major, c => c.MajorName),
        new(CandidateImportTemplate.MajorLevel, c => c.MajorLevel?.ToDisplayName()),
        new(CandidateImportTemplate.EnrollmentYear, c => c.EnrollmentYear?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new(CandidateImportTemplate.CandidateType, c => c.CandidateType.ToDisplayName()),
        new("考生编号", c => c.CandidateNo),
        new("信息状态", c => c.InfoStatus.ToDisplayName()),
    ];

    private readonly PagedRows<CandidateListItem> _rows = new();
    private MudTable<CandidateListItem>? _table;
    private HashSet<CandidateListItem> _selected = [];
    private IReadOnlyList<MajorOption> _majors = [];
    private IReadOnlyDictionary<CandidateInfoStatus, int> _counts = new Dictionary<CandidateInfoStatus, int>();
    private CandidateFilter _filter = new();
    private CandidateInfoStatus? _status;
    private CandidateFilter? _countedFilter;

    [Inject]
    private CandidateService Candidates { get; set; } = default!;

    [Inject]
    private CandidateImportService CandidateImports { get; set; } = default!;

    [Inject]
    private PhotoZipImport PhotoImports { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>school (院校考生, default) or public (社会考生).</summary>
    [SupplyParameterFromQuery(Name = "type")]
    public string? Type { get; set; }

    private CandidateType CurrentType => Type == "public" ? CandidateType.PublicCandidate : CandidateType.SchoolCandidate;

    private int TypeIndex => CurrentType == CandidateType.PublicCandidate ? 1 : 0;

    private CandidateFilter Filter => _filter with { Type = CurrentType, Status = _status };

    protected override async Task OnInitializedAsync() => _majors = await Candidates.MajorOptionsAsync(CancellationToken.None);

    protected override async Task OnParametersSetAsync()
    {
        _selected = [];
        if (_table is not null)
        {
            await ReloadAsync();
        }
    }

    private Task<TableData<CandidateListItem>> LoadAsync(TableState state, CancellationToken ct) => _rows.LatestAsync(LoadRowsAsync(state, ct));

    private async Task<TableData<CandidateListItem>> LoadRowsAsync(TableState state, CancellationToken ct)
    {
        _selected = [];
        var filter = Filter;
        if (!Equals(filter, _countedFilter))
        {
            // One count serves the status tabs and the list's total; paging through the same filter counts nothing again.
            _counts = await Candidates.CountsAsync(filter, ct);
            _rows.UseTotal(filter, filter.Status is { } status ? _counts.GetValueOrDefault(status) : _counts.Values.Sum());
            _countedFilter = filter;
            StateHasChanged(); // the status tabs live outside the table
        }

        return _rows.Accept(await Candidates.ListAsync(filter, _rows.Request(state, filter), ct), filter);
    }

    private Task ReloadAsync()
    {
        _countedFilter = null;
        return _table?.ReloadServerData() ?? Task.CompletedTask;
    }

    private void FilterChanged(CandidateFilter filter) => _filter = filter;

    private Task ResetAsync()
    {
        (_filter, _status) = (new CandidateFilter(), null);
        return ReloadAsync();
    }

    private void TypeChangedAsync(int index) =>
        Navigation.NavigateTo(index == 1 ? "/exams/candidates?type=public" : "/exams/candidates?type=school");

    private Task StatusChangedAsync(CandidateInfoStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private IReadOnlyCollection<int> SelectedIds => [.. _selected.Select(c => c.Id)];

    private Task<IReadOnlyList<CandidateExportRow>> ExportRowsAsync(CancellationToken ct) => Candidates.ExportRowsAsync(Filter, SelectedIds, ct);

    private async Task CreateAsync()
    {
        var edit = await CandidateDialogs.EditAsync(Dialogs, null, CurrentType, _majors);
        if (edit is not null && await TryAsync(async () =>
            {
                var id = await Candidates.CreateAsync(CurrentType, edit.Details, CancellationToken.None);
                await UploadPhotoAsync(id, edit.Photo);
            }, "新增考生成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task EditAsync(CandidateListItem item)
    {
        var edit = await CandidateDialogs.EditAsync(Dialogs, item.Id, CurrentType, _majors);
        if (edit is not null && await TryAsync(async () =>
            {
                await Candidates.EditAsync(item.Id, edit.Details, CancellationToken.None);
                await UploadPhotoAsync(item.Id, edit.Photo);
            }, "保存成功"))
        {
            await ReloadAsync();
        }
    }

    private Task UploadPhotoAsync(int id, byte[]? photo) =>
        photo is null ? Task.CompletedTask : Candidates.UploadPhotoAsync(id, photo, CancellationToken.None);

    private Task<IDialogReference> ViewAsync(CandidateListItem item) =>
        Dialogs.ShowAsync<CandidateDetailDialog>("查看", new DialogParameters<CandidateDetailDialog> { { d => d.CandidateId, item.Id } }, DialogOptions());

    private async Task VerifyAsync(CandidateListItem item)
    {
        CandidateInfoStatus status = default;
        if (await TryAsync(async () => status = await Candidates.VerifyAsync(item.Id, CancellationToken.None)))
        {
            Snackbar.Add($"认证完成：{status.ToDisplayName()}", status == CandidateInfoStatus.Accurate ? Severity.Success : Severity.Warning);
            await ReloadAsync();
        }
    }

    private async Task VerifySelectedAsync() => await RunBatchAsync("认证", () => Candidates.VerifyManyAsync(SelectedIds, CancellationToken.None));

    private async Task DeleteSelectedAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync("批量删除", $"确定删除选中的 {_selected.Count} 名考生吗？已报考的考生不能删除。", yesText: "删除", cancelText: "取消") == true)
        {
            await RunBatchAsync("删除", () => Candidates.DeleteManyAsync(SelectedIds, CancellationToken.None));
        }
    }

    private async Task RunBatchAsync(string verb, Func<Task<CandidateBatchResult>> action)
    {
        CandidateBatchResult? result = null;
        if (await TryAsync(async () => result = await action()))
        {
            Snackbar.Add(result!.Summary(verb), result.Failed == 0 ? Severity.Success : Severity.Warning);
            await ReloadAsync();
        }
    }

    private async Task ConfirmAsync(CandidateListItem item)
    {
        if (await Dialogs.ShowMessageBoxAsync("人工确认", $"确认考生“{item.Name}”的信息准确吗？", yesText: "确认", cancelText: "取消") == true
            && await TryAsync(() => Candidates.ConfirmManuallyAsync(item.Id, CancellationToken.None), "人工确认成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task DeleteAsync(CandidateListItem item)
    {
        if (await Dialogs.ShowMessageBoxAsync("删除", $"确定删除考生“{item.Name}”吗？", yesText: "删除", cancelText: "取消") == true
            && await TryAsync(() => Candidates.DeleteAsync(item.Id, CancellationToken.None), "删除成功"))
        {
            await ReloadAsync();
        }
    }

    private Task ImportAsync() => ShowSheetImportAsync("批量导入考生信息", CandidateImportMode.Create);

    private Task UpdateImportAsync() => ShowSheetImportAsync("批量修改考生信息", CandidateImportMode.Update);

    private async Task ShowSheetImportAsync(string title, CandidateImportMode mode)
    {
        var parameters = new DialogParameters<ImportDialog>
        {
            { d => d.Title, title },
            { d => d.TemplateUrl, CandidateFileEndpoints.TemplateUrl },
            { d => d.Hint, mode == CandidateImportMode.Create
                ? "请下载模板，按“填写说明”填写考生信息后上传（.xlsx）。校验通过的行将导入，未通过的行可下载查看失败原因。"
                : "按导入模板填写，以证件号码匹配考生；“信息准确”状态的考生不能修改姓名、证件类型、证件号码。" },
            { d => d.Import, (Func<Stream, string, IProgress<int>, CancellationToken, Task<ImportDialogResult>>)(async (file, name, progress, ct) =>
                CandidateImportResults.ToDialog(await CandidateImports.ImportAsync(file, name, mode, progress, ct))) },
        };
        await (await Dialogs.ShowAsync<ImportDialog>(title, parameters, DialogOptions())).Result;
        await ReloadAsync();
    }

    private async Task PhotoImportAsync()
    {
        var parameters = new DialogParameters<ImportDialog>
        {
            { d => d.Title, "批量导入考生照片" },
            { d => d.Accept, ".zip" },
            { d => d.MaxBytes, 1024L * 1024 * 1024 },
            { d => d.Hint, "请先将学生的标准小1寸照片命名为“身份证.jpg”，再压缩打包成“.zip”格式的压缩文件后进行批量导入。\n照片格式：jpg、png；照片大小：5M以内；照片像素：295*413；照片底色：红色。" },
            { d => d.Import, (Func<Stream, string, IProgress<int>, CancellationToken, Task<ImportDialogResult>>)(async (file, name, progress, ct) =>
                CandidateImportResults.ToDialog(await PhotoImports.ImportAsync(file, name, PhotoZipLimits.Default, progress, ct))) },
        };
        await (await Dialogs.ShowAsync<ImportDialog>("批量导入考生照片", parameters, DialogOptions())).Result;
        await ReloadAsync();
    }
}
