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
        (_planId, _certificateIndex, _subjectId, _error) = (planId, null, null, null);
    }

    private void CertificateChanged(int? index)
    {
        (_certificateIndex, _subjectId, _error) = (index, null, null);
    }

    private void Ok()
    {
        var certificate = Certificate;
        _error = _planId is null ? "请选择考试计划"
            : certificate is null ? "请选择考核证书"
            : Mode == RegistrationMode.BySubject && _subjectId is null ? "请选择科目"
            : null;
        if (_error is null)
        {
            Dialog?.Close(DialogResult.Ok(new PaymentGenerationInput(Mode, _planId!.Value, certificate!.CertificateId, certificate.Level,
                Mode == RegistrationMode.BySubject ? _subjectId : null)));
        }
    }
}
