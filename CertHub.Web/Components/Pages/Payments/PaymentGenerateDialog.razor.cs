using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Payments;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Payments;

public partial class PaymentGenerateDialog
{
    private IReadOnlyList<PaymentPlanOption> _plans = [];
    private int? _planId;
    private int? _certificateIndex;
    private int? _subjectId;
    private string? _error;
    private PaymentPreview? _preview;

    [CascadingParameter]
    private IMudDialogInstance? Dialog { get; set; }

    [Inject]
    private PaymentService Payments { get; set; } = default!;

    [Parameter]
    public RegistrationMode Mode { get; set; }

    private string Title => $"{Mode.ToDisplayName()}报考生成缴费申请单";

    private IReadOnlyList<PaymentCertificateOption> Certificates => _plans.FirstOrDefault(p => p.ExamPlanId == _planId)?.Certificates ?? [];

    private PaymentCertificateOption? Certificate => _certificateIndex is int i && i < Certificates.Count ? Certificates[i] : null;

    /// <summary>Asks for plan, certificate (and subject); null when cancelled.</summary>
    public static async Task<PaymentGenerationInput?> ShowAsync(IDialogService dialogs, RegistrationMode mode)
    {
        var dialog = await dialogs.ShowAsync<PaymentGenerateDialog>($"{mode.ToDisplayName()}报考生成缴费申请单",
            new DialogParameters<PaymentGenerateDialog> { { d => d.Mode, mode } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: PaymentGenerationInput input } ? input : null;
    }

    protected override async Task OnInitializedAsync() => _plans = await Payments.PlanOptionsAsync(Mode, CancellationToken.None);

    private void PlanChanged(int? planId)
    {
        (_planId, _certificateIndex, _subjectId, _error, _preview) = (planId, null, null, null, null);
    }

    private Task CertificateChangedAsync(int? index)
    {
        (_certificateIndex, _subjectId, _error, _preview) = (index, null, null, null);
        return PreviewAsync();
    }

    private Task SubjectChangedAsync(int? subjectId)
    {
        (_subjectId, _error) = (subjectId, null);
        return PreviewAsync();
    }

    /// <summary>Shows what 确定 would bill once the choice is complete.</summary>
    private async Task PreviewAsync()
    {
        var input = Input();
        _preview = input is null ? null : await Payments.PreviewAsync(input, CancellationToken.None);
    }

    private PaymentGenerationInput? Input() =>
        _planId is int planId && Certificate is { } certificate && (Mode == RegistrationMode.ByCertificate || _subjectId is not null)
            ? new PaymentGenerationInput(Mode, planId, certificate.CertificateId, certificate.Level, Mode == RegistrationMode.BySubject ? _subjectId : null)
            : null;

    private void Ok()
    {
        _error = _planId is null ? "请选择考试计划"
            : Certificate is null ? "请选择考核证书"
            : Mode == RegistrationMode.BySubject && _subjectId is null ? "请选择科目"
            : null;
        if (_error is null && Input() is { } input)
        {
            Dialog?.Close(DialogResult.Ok(input));
        }
    }
}
