using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Catalog;

/// <summary>院校类型.</summary>
public enum SchoolType
{
    [Display(Name = "本科院校")] Undergraduate,
    [Display(Name = "高职院校")] HigherVocational,
    [Display(Name = "中职学校")] SecondaryVocational,
}

/// <summary>专业层次.</summary>
public enum MajorLevel
{
    [Display(Name = "中职")] SecondaryVocational,
    [Display(Name = "高职专科")] HigherVocational,
    [Display(Name = "职业本科")] VocationalUndergraduate,
    [Display(Name = "普通本科")] Undergraduate,
}

/// <summary>周报周期 set by the province for its schools.</summary>
public enum ReportingCycle
{
    [Display(Name = "每周")] Weekly,
    [Display(Name = "每半月")] HalfMonthly,
}

/// <summary>启用状态 of standards and certificates.</summary>
public enum EnablementStatus
{
    [Display(Name = "已启用")] Enabled,
    [Display(Name = "已停用")] Disabled,
}
