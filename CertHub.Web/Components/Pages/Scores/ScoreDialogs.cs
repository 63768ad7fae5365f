using CertHub.Core.Scores;
using CertHub.Core.Scores.Import;
using CertHub.Web.Api;
using CertHub.Web.Components.Shared;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Scores;

/// <summary>What the 更正成绩 / 处理复核 dialog returns: the action, the new score (or 缺考) and the reason/opinion.</summary>
public sealed record ScoreChange(ScoreReviewAction Action, decimal? Score, bool IsAbsent, string Reason);

/// <summary>Opens the score dialogs and turns import results into what the shared <see cref="ImportDialog"/> shows.</summary>
public static class ScoreDialogs
{
    public static ImportDialogResult ToDialog(ScoreImportResult result) =>
        new(result.Rows.Succeeded, result.Rows.Failures.Count,
            [.. result.Errors.Select(e => $"第{e.RowNumber}行：{e.Reason}")],
            result.Rows.Unchanged > 0 ? [$"{result.Rows.Unchanged}条成绩与已登记的成绩相同，未重复登记"] : [],
            result.FailedRowsPath is null ? null : CandidateFileEndpoints.FailedRowsUrl(result.ImportRecordId));

    /// <summary>更正成绩 (or, when <paramref name="reviewing"/>, 处理复核 with 维持/更正); null when cancelled.</summary>
    public static async Task<ScoreChange?> CorrectAsync(IDialogService dialogs, string summary, decimal fullMark, bool reviewing)
    {
        var parameters = new DialogParameters<ScoreChangeDialog>
        {
            { d => d.Summary, summary },
            { d => d.FullMark, fullMark },
            { d => d.Reviewing, reviewing },
        };
        var title = reviewing ? "处理成绩复核" : "更正成绩";
        var result = await (await dialogs.ShowAsync<ScoreChangeDialog>(title, parameters, Options())).Result;
        return result is { Canceled: false, Data: ScoreChange change } ? change : null;
    }

    /// <summary>A required reason (复核理由); null when cancelled.</summary>
    public static async Task<string?> ReasonAsync(IDialogService dialogs, string title, string summary, string label)
    {
        var parameters = new DialogParameters<ScoreReasonDialog> { { d => d.Title, title }, { d => d.Summary, summary }, { d => d.Label, label } };
        var result = await (await dialogs.ShowAsync<ScoreReasonDialog>(title, parameters, Options())).Result;
        return result is { Canceled: false, Data: string reason } ? reason : null;
    }

    private static DialogOptions Options() => new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true };
}
