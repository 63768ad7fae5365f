using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Accounts;

/// <summary>验证码用途: a code is only accepted for the purpose it was sent for.</summary>
public enum SmsPurpose
{
    [Display(Name = "新增账号")] NewAccount,
    [Display(Name = "绑定手机")] BindPhone,
    [Display(Name = "导出")] Export,
}
