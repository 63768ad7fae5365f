using CertHub.Core.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Shared;

/// <summary>Base of pages and dialogs that call services: a refused action (<see cref="DomainRuleException"/>) becomes a Snackbar error.</summary>
public abstract class CertHubPageBase : ComponentBase
{
    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    protected IDialogService Dialogs { get; set; } = default!;

    /// <summary>Runs an action; shows <paramref name="success"/> when it succeeds and the rule's message when it is refused.</summary>
    protected async Task<bool> TryAsync(Func<Task> action, string? success = null)
    {
        try
        {
            await action();
            if (success is not null)
            {
                Snackbar.Add(success, Severity.Success);
            }

            return true;
        }
        catch (DomainRuleException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
            return false;
        }
    }

    protected static DialogOptions DialogOptions(MaxWidth width = MaxWidth.Medium) =>
        new() { MaxWidth = width, FullWidth = true, CloseButton = true, CloseOnEscapeKey = true };
}
