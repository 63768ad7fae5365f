using System.ComponentModel.DataAnnotations;

namespace CertHub.Core.Ledger;

/// <summary>上链事件类型.</summary>
public enum LedgerEntryKind
{
    [Display(Name = "证书发布")] CertificatePublished,
    [Display(Name = "证书发放")] CertificateIssued,
    [Display(Name = "证书撤销")] CertificateRevoked,
}
