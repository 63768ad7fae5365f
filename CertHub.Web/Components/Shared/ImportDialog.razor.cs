using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CertHub.Web.Components.Shared;

/// <summary>What an import reports back to the dialog.</summary>
public sealed record ImportDialogResult(int Succeeded, int Failed, IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings, string? FailedRowsUrl);

/// <summary>Runs one import: the uploaded file is spooled to a temporary file, then handed to <see cref="Import"/> off the circuit thread.</summary>
public partial class ImportDialog
{
    private IBrowserFile? _file;
    private bool _running;
    private int _processed;
    private ImportDialogResult? _result;
    private string? _error;

    [CascadingParameter]
    private IMudDialogInstance? Dialog { get; set; }

    [Parameter]
    public string Title { get; set; } = "导入";

    [Parameter]
    public string? Hint { get; set; }

    [Parameter]
    public string? TemplateUrl { get; set; }

    [Parameter]
    public string Accept { get; set; } = ".xlsx";

    [Parameter]
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The import: the file's content, its name, a progress sink (rows processed) and a token.</summary>
    [Parameter, EditorRequired]
    public Func<Stream, string, IProgress<int>, CancellationToken, Task<ImportDialogResult>> Import { get; set; } = default!;

    private void SelectFile(IBrowserFile? file)
    {
        _file = file;
        _result = null;
        _error = file is not null && file.Size > MaxBytes ? $"文件不能超过{MaxBytes / (1024 * 1024)}M" : null;
        if (_error is not null)
        {
            _file = null;
        }
    }

    private async Task RunAsync()
    {
        if (_file is null)
        {
            return;
        }

        (_running, _processed, _result, _error) = (true, 0, null, null);
        var temp = Path.GetTempFileName();
        try
        {
            await using (var target = File.Create(temp))
            {
                await using var source = _file.OpenReadStream(MaxBytes);
                await source.CopyToAsync(target);
            }

            var progress = new Progress<int>(n => _ = InvokeAsync(() =>
            {
                _processed = n;
                StateHasChanged();
            }));
            var name = _file.Name;
            _result = await Task.Run(async () =>
            {
                await using var file = File.OpenRead(temp);
                return await Import(file, name, progress, CancellationToken.None);
            });
        }
        catch (Core.Common.DomainRuleException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            File.Delete(temp);
            _running = false;
        }
    }

    private void Close() => Dialog?.Close(DialogResult.Ok(_result));
}
