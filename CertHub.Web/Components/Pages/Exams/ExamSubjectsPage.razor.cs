using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Exams;

/// <summary>5.2.1 考试科目: the organisation maintains the subjects of its certificate levels; a school reads them.</summary>
public partial class ExamSubjectsPage
{
    private readonly PagedRows<ExamSubjectListItem> _rows = new();
    private MudTable<ExamSubjectListItem>? _table;
    private string? _certificate;
    private CertificateLevel? _level;
    private ExamMode? _mode;
    private CandidateScope? _scope;

    [Inject]
    private ExamSubjectService Subjects { get; set; } = default!;

    private ExamSubjectFilter Filter => new(_certificate, _level, _mode, _scope);

    private async Task<TableData<ExamSubjectListItem>> LoadAsync(TableState state, CancellationToken ct) =>
        _rows.Accept(await Subjects.ListAsync(Filter, PagedRows<ExamSubjectListItem>.ToRequest(state), ct));

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task ResetAsync()
    {
        (_certificate, _level, _mode, _scope) = (null, null, null, null);
        return ReloadAsync();
    }

    private async Task CreateAsync()
    {
        var input = await ExamSubjectEditDialog.ShowAsync(Dialogs, null);
        if (input is not null && await TryAsync(() => Subjects.CreateAsync(input, CancellationToken.None), "新增成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task EditAsync(ExamSubjectListItem item)
    {
        var input = await ExamSubjectEditDialog.ShowAsync(Dialogs, item);
        if (input is not null && await TryAsync(() => Subjects.UpdateAsync(item.Id, input with { Version = item.Version }, CancellationToken.None), "保存成功"))
        {
            await ReloadAsync();
        }
    }

    private async Task ViewAsync(ExamSubjectListItem item) =>
        await Dialogs.ShowAsync<ExamSubjectDetailDialog>("查看考试科目", new DialogParameters<ExamSubjectDetailDialog> { { d => d.Subject, item } }, DialogOptions());
}
