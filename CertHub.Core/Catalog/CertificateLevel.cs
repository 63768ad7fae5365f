using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Catalog;

/// <summary>证书等级.</summary>
public enum CertificateLevel
{
    [Display(Name = "初级")] Junior = 1,
    [Display(Name = "中级")] Intermediate = 2,
    [Display(Name = "高级")] Senior = 3,
}
