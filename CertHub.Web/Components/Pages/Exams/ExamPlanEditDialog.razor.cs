using CertHub.Core.Common;
using CertHub.Core.Exams;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Exams;

public partial class ExamPlanEditDialog
{
    private ExamPlanForm? _form;
    private IReadOnlyList<OwnCertificateOption> _certificates = [];
    private IReadOnlyList<PlanLevel> _levels = [];
    private IReadOnlyList<ExamPlanSubjectOption> _subjects = [];
    private IReadOnlyList<ExamPlanSchoolOption> _schools = [];

    [CascadingParameter]
    private IMudDialogInstance? Dialog { get; set; }

    [Inject]
    private ExamPlanService Plans { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The plan being edited; null for 新增.</summary>
    [Parameter]
    public int? PlanId { get; set; }

    public static async Task<ExamPlanInput?> ShowAsync(IDialogService dialogs, int? planId)
    {
        var dialog = await dialogs.ShowAsync<ExamPlanEditDialog>(planId is null ? "新增考试计划" : "编辑考试计划",
            new DialogParameters<ExamPlanEditDialog> { { d => d.PlanId, planId } }, DialogOptions(MaxWidth.Large));
        var result = await dialog.Result;
        return result is { Canceled: false, Data: ExamPlanInput input } ? input : null;
    }

    protected override async Task OnInitializedAsync()
    {
        _certificates = await Plans.CertificateOptionsAsync(CancellationToken.None);
        _levels = [.. _certificates.SelectMany(c => c.Levels.Select(l => new PlanLevel(c.CertificateId, l)))];
        _subjects = await Plans.SubjectOptionsAsync(CancellationToken.None);
        var detail = PlanId is int id ? await Plans.GetAsync(id, CancellationToken.None) : null;
        var form = detail is null ? ExamPlanForm.New(Clock.GetUtcNow()) : ExamPlanForm.From(detail);
        await LoadSchoolsAsync(form);
        _form = form;
    }

    private string TextOf(PlanLevel? level) =>
        level is null ? "" : $"{_certificates.FirstOrDefault(c => c.CertificateId == level.CertificateId)?.Name}({level.Level.ToDisplayName()})";

    private async Task LevelsChangedAsync(IEnumerable<PlanLevel?>? levels)
    {
        _form!.Levels = [.. (levels ?? []).OfType<PlanLevel>()];
        await LoadSchoolsAsync(_form);
    }

    /// <summary>参考院校 options, those piloting the chosen certificates first.</summary>
    private async Task LoadSchoolsAsync(ExamPlanForm form) =>
        _schools = await Plans.SchoolOptionsAsync([.. form.Levels.Select(l => l.CertificateId).Distinct()], CancellationToken.None);

    private void Save()
    {
        var (input, missing) = _form!.ToInput(_subjects);
        if (input is null)
        {
            Snackbar.Add(missing!, Severity.Error);
            return;
        }

        Dialog?.Close(DialogResult.Ok(input));
    }
}
