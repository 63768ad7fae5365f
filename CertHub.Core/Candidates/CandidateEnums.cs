using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Candidates;

/// <summary>证件类型.</summary>
public enum IdType
{
    [Display(Name = "居民身份证")] ResidentIdCard,
    [Display(Name = "港澳居民来往内地通行证")] HongKongMacaoPermit,
    [Display(Name = "台湾居民来往大陆通行证")] TaiwanPermit,
    [Display(Name = "护照")] Passport,
    [Display(Name = "外国人永久居留身份证")] ForeignPermanentResidentCard,
}

/// <summary>性别.</summary>
public enum Gender
{
    [Display(Name = "男")] Male,
    [Display(Name = "女")] Female,
}

/// <summary>考生类型.</summary>
public enum CandidateType
{
    [Display(Name = "院校考生")] SchoolCandidate,
    [Display(Name = "社会考生")] PublicCandidate,
}

/// <summary>
/// 考生信息状态. Allowed transitions (Candidate.Table):
/// 无照片 --导入照片--> 信息待认证; 信息待认证 --导入照片--> 信息待认证; 需人工确认 --导入照片--> 信息待认证;
/// 信息待认证 --认证通过--> 信息准确; 信息待认证 --认证失败--> 需人工确认 (reason kept);
/// 需人工确认 --人工确认--> 信息准确.
/// In 信息准确 the name, ID type, ID number and photo are frozen.
/// </summary>
public enum CandidateInfoStatus
{
    [Display(Name = "无照片")] NoPhoto,
    [Display(Name = "信息待认证")] PendingVerification,
    [Display(Name = "需人工确认")] NeedsManualCheck,
    [Display(Name = "信息准确")] Accurate,
}

/// <summary>Actions on a <see cref="Candidate"/>'s information status.</summary>
public enum CandidateAction
{
    [Display(Name = "导入照片")] AttachPhoto,
    [Display(Name = "认证通过")] VerifyPassed,
    [Display(Name = "认证失败")] VerifyFailed,
    [Display(Name = "人工确认")] ConfirmManually,
}
