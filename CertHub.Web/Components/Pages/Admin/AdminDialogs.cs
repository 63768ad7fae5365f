using CertHub.Core.Common;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Admin;

/// <summary>Opens an edit dialog and, when it returns an input, saves it through the service (refusals become a Snackbar).</summary>
public static class AdminDialogs
{
    public static async Task<bool> EditAsync<TDialog, TInput>(
        IDialogService dialogs, ISnackbar snackbar, string title, DialogParameters<TDialog> parameters, Func<TInput, Task> save)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true };
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, options);
        var result = await dialog.Result;
        if (result is null || result.Canceled || result.Data is not TInput input)
        {
            return false;
        }

        try
        {
            await save(input);
            snackbar.Add("保存成功", Severity.Success);
            return true;
        }
        catch (DomainRuleException ex)
        {
            snackbar.Add(ex.Message, Severity.Error);
            return false;
        }
    }
}
