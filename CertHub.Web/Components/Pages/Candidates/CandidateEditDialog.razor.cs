using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Candidates;

/// <summary>新增考生 / 编辑考生: collects the input; the page calls the service.</summary>
public partial class CandidateEditDialog
{
    private bool _loading;
    private CandidateDetail? _detail;
    private string? _name;
    private string? _pinyin;
    private IdType _idType;
    private string? _idNumber;
    private Gender? _gender;
    private DateTime? _birthDate;
    private string? _phone;
    private int? _majorId;
    private MajorLevel? _majorLevel;
    private int? _enrollmentYear;
    private byte[]? _photo;
    private string? _photoName;

    [CascadingParameter]
    private IMudDialogInstance? Dialog { get; set; }

    [Inject]
    private CandidateService Candidates { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Parameter]
    public int? CandidateId { get; set; }

    [Parameter]
    public CandidateType CandidateType { get; set; }

    [Parameter]
    public IReadOnlyList<MajorOption> Majors { get; set; } = [];

    private bool Frozen => _detail?.IsIdentityFrozen == true;

    private IdNumber? Parsed => IdNumber.TryParse(_idNumber, out var id) ? id : null;

    protected override async Task OnInitializedAsync()
    {
        if (CandidateId is not int id)
        {
            return;
        }

        _loading = true;
        _detail = await Candidates.GetAsync(id, CancellationToken.None);
        if (_detail is not null)
        {
            (_name, _pinyin, _idType, _idNumber, _gender, _phone) = (_detail.Name, _detail.Pinyin, _detail.IdType, _detail.IdNumber, _detail.Gender, _detail.Phone);
            (_birthDate, _majorId, _majorLevel, _enrollmentYear) = (_detail.BirthDate?.ToDateTime(TimeOnly.MinValue), _detail.MajorId, _detail.MajorLevel, _detail.EnrollmentYear);
        }

        _loading = false;
    }

    private void MajorChanged(int? majorId)
    {
        _majorId = majorId;
        _majorLevel = Majors.FirstOrDefault(m => m.Id == majorId)?.Level ?? _majorLevel;
    }

    private async Task SelectPhotoAsync(IBrowserFile? file)
    {
        (_photo, _photoName) = (null, null);
        if (file is null)
        {
            return;
        }

        if (file.Size > CandidatePhoto.MaxBytes)
        {
            Snackbar.Add("照片大小不能超过5M", Severity.Error);
            return;
        }

        using var buffer = new MemoryStream();
        await using var stream = file.OpenReadStream(CandidatePhoto.MaxBytes);
        await stream.CopyToAsync(buffer);
        (_photo, _photoName) = (buffer.ToArray(), file.Name);
    }

    private void Save()
    {
        var details = new CandidateDetails(_name ?? "", _pinyin, _idType, _idNumber ?? "", _gender,
            _birthDate is DateTime b ? DateOnly.FromDateTime(b) : null, _phone, _majorId, _majorLevel, _enrollmentYear)
        {
            Version = _detail?.Version,
        };
        Dialog?.Close(DialogResult.Ok(new CandidateEditResult(details, _photo)));
    }

    private void Cancel() => Dialog?.Cancel();
}
