using CertHub.Core.Scheduling;
using CertHub.Web.Components.Shared;
using CertHub.Web.Documents.Excel;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Scheduling;

/// <summary>
/// 5.2.8.1 考核站点编排: per plan, subject and site the 排考状态 and counts; 查看 (站点编排明细); 批量导出考场编排明细.
/// The organisation runs 一键排考 (incremental) and 重新排考 (confirmed) within the plan's 排考时间; a school only looks.
/// </summary>
public partial class SchedulingSitesPage
{
    private static readonly IReadOnlyList<XlsxColumn<RoomArrangementRow>> ExportColumns =
    [
        new("考试计划", r => r.PlanName),
        new("考核站点", r => r.SiteName),
        new("所属院校", r => r.SchoolName),
        new("考场名称", r => r.RoomName),
        new("考试证书", r => r.CertificateName),
        new("考试科目", r => r.SubjectName),
        new("考试时间", r => r.ExamTime),
        new("考位数", r => r.SeatCount),
        new("排考人数", r => r.Seated),
        new("监考人员姓名(编号)", r => r.Invigilators),
        new("监考人员所在区域(院校)", r => r.InvigilatorSchools),
    ];

    private readonly PagedRows<SiteArrangementItem> _rows = new();
    private MudTable<SiteArrangementItem>? _table;
    private HashSet<SiteArrangementItem> _selected = [];
    private IReadOnlyDictionary<SchedulingStatus, int> _counts = new Dictionary<SchedulingStatus, int>();
    private IReadOnlyList<SchedulingPlanOption> _plans = [];
    private SchedulingStatus? _status;
    private int? _planId;
    private string? _subject;
    private string? _site;
    private bool _running;
    private SchedulingRunReport? _report;

    [Inject]
    private SchedulingService Scheduling { get; set; } = default!;

    private SiteArrangementFilter Filter => new(_planId, _subject, _site, _status);

    private IEnumerable<SchedulingPlanOption> Schedulable => _plans.Where(p => p.CanSchedule);

    protected override async Task OnInitializedAsync() => _plans = await Scheduling.PlansAsync(CancellationToken.None);

    private async Task<TableData<SiteArrangementItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        _selected = [];
        _counts = await Scheduling.CountsAsync(Filter, ct);
        StateHasChanged();
        return _rows.Accept(await Scheduling.ListSitesAsync(Filter, PagedRows<SiteArrangementItem>.ToRequest(state), ct));
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task ResetAsync()
    {
        (_planId, _subject, _site, _status) = (null, null, null, null);
        return ReloadAsync();
    }

    private Task StatusChangedAsync(SchedulingStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private Task<IReadOnlyList<RoomArrangementRow>> ExportRowsAsync(CancellationToken ct) => Scheduling.ExportRoomsAsync(Filter, _selected, ct);

    private async Task RunAsync(bool full)
    {
        var input = await SchedulingRunDialog.ShowAsync(Dialogs, [.. Schedulable], _planId, full);
        if (input is null || (full && !await ConfirmDialog.AskAsync(Dialogs, "重新排考", "确定重新排考吗？所选范围内的座位、准考证号和监考安排将重新生成。")))
        {
            return;
        }

        _running = true;
        try
        {
            await TryAsync(async () => _report = full
                ? await Scheduling.RescheduleAsync(input.ExamPlanId, input.Options, CancellationToken.None)
                : await Scheduling.RunAsync(input.ExamPlanId, input.Options, CancellationToken.None));
        }
        finally
        {
            _running = false;
        }

        await ReloadAsync();
    }
}
