using CertHub.Core.Candidates;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Candidates;

/// <summary>What the 新增/编辑 dialog returns: the details and, optionally, a new photo.</summary>
public sealed record CandidateEditResult(CandidateDetails Details, byte[]? Photo);

/// <summary>Opens the candidate dialogs with their typed parameters.</summary>
public static class CandidateDialogs
{
    public static async Task<CandidateEditResult?> EditAsync(IDialogService dialogs, int? candidateId, CandidateType type, IReadOnlyList<MajorOption> majors)
    {
        var parameters = new DialogParameters<CandidateEditDialog>
        {
            { d => d.CandidateId, candidateId },
            { d => d.CandidateType, type },
            { d => d.Majors, majors },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true };
        var dialog = await dialogs.ShowAsync<CandidateEditDialog>(candidateId is null ? "新增考生" : "编辑考生", parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: CandidateEditResult edit } ? edit : null;
    }
}
