using CertHub.Core.Catalog;
using CertHub.Core.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CertHub.Web.Components.Pages.Schools;

/// <summary>编辑院校信息 and 上传电子签章 (checked by content, previewed before it is stored).</summary>
public partial class SchoolEditPage
{
    private readonly List<BreadcrumbItem> _crumbs = [new("试点院校管理", "/schools"), new("编辑", null, disabled: true)];
    private SchoolDetail? _school;
    private EditModel _input = new();
    private bool _loading = true;
    private byte[]? _sealBytes;
    private string? _previewDataUrl;
    private string? _sealError;

    [Inject]
    private SchoolService Schools { get; set; } = default!;

    [Inject]
    private IImageInspector Images { get; set; } = default!;

    [Parameter]
    public int Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _school = await Schools.GetAsync(Id, CancellationToken.None);
        if (_school is not null)
        {
            _input = new EditModel
            {
                Address = _school.Address,
                ContactName = _school.ContactName,
                ContactPhone = _school.ContactPhone,
                Email = _school.Email,
                Website = _school.Website,
                Introduction = _school.Introduction,
            };
        }

        _loading = false;
    }

    private async Task SaveAsync()
    {
        var input = new SchoolDetailsInput(_input.Address, _input.ContactName, _input.ContactPhone, _input.Email, _input.Website, _input.Introduction)
        {
            Version = _school?.Version,
        };
        if (await TryAsync(() => Schools.UpdateDetailsAsync(Id, input, CancellationToken.None), "院校信息已保存"))
        {
            _school = await Schools.GetAsync(Id, CancellationToken.None);
        }
    }

    private async Task SelectSealAsync(IBrowserFile? file)
    {
        _sealBytes = null;
        _previewDataUrl = null;
        _sealError = null;
        if (file is null)
        {
            return;
        }

        if (file.Size > SealImageRules.MaxBytes)
        {
            _sealError = "电子签章图片不能超过1MB";
            return;
        }

        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream(SealImageRules.MaxBytes))
        {
            await stream.CopyToAsync(buffer);
        }

        var bytes = buffer.ToArray();
        try
        {
            var extension = SealImageRules.Check(bytes, Images);
            _sealBytes = bytes;
            _previewDataUrl = $"data:image/{(extension == ".png" ? "png" : "jpeg")};base64,{Convert.ToBase64String(bytes)}";
        }
        catch (DomainRuleException ex)
        {
            _sealError = ex.Message;
        }
    }

    private async Task UploadSealAsync()
    {
        if (_sealBytes is null)
        {
            return;
        }

        if (await TryAsync(() => Schools.UploadSealAsync(Id, _sealBytes, CancellationToken.None), "电子签章已上传"))
        {
            _sealBytes = null;
            _previewDataUrl = null;
            _school = await Schools.GetAsync(Id, CancellationToken.None);
        }
    }

    private sealed class EditModel
    {
        public string? Address { get; set; }

        public string? ContactName { get; set; }

        public string? ContactPhone { get; set; }

        public string? Email { get; set; }

        public string? Website { get; set; }

        public string? Introduction { get; set; }
    }
}
