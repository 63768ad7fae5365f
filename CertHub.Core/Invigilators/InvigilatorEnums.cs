using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Invigilators;

/// <summary>
/// 认证状态 of an <see cref="InvigilatorCertification"/>. Allowed transitions (InvigilatorCertification.Table):
/// 未提交 --提交--> 待认证; 待认证 --认证通过--> 已认证; 待认证 --认证退回--> 认证退回; 认证退回 --重新提交--> 待认证.
/// A certified one cannot be deleted.
/// </summary>
public enum CertificationStatus
{
    [Display(Name = "未提交")] Draft,
    [Display(Name = "待认证")] Pending,
    [Display(Name = "已认证")] Certified,
    [Display(Name = "认证退回")] Returned,
}

/// <summary>Actions on an <see cref="InvigilatorCertification"/>.</summary>
public enum CertificationAction
{
    [Display(Name = "提交")] Submit,
    [Display(Name = "认证通过")] Certify,
    [Display(Name = "认证退回")] Return,
    [Display(Name = "重新提交")] Resubmit,
}
