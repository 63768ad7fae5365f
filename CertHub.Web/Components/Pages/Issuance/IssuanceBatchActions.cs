using CertHub.Core.Common;
using CertHub.Core.Issuance;

namespace CertHub.Web.Components.Pages.Issuance;

/// <summary>The toolbar actions of /issuance (批量导出发证记录 is always offered).</summary>
[Flags]
public enum IssuanceBatchAction
{
    None = 0,
    Generate = 1,
    Sign = 2,
    Resign = 4,
    IssuePaper = 8,
    IssueElectronic = 16,
    Reissue = 32,
    Download = 64,
}

/// <summary>Which toolbar actions a tab offers to the party that owns its step (manual 4.2.1–4.2.7, DESIGN §3.1).</summary>
public static class IssuanceBatchActions
{
    public static IssuanceBatchAction For(IssuanceStatus? tab, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsOrganization())
        {
            return tab switch
            {
                null => IssuanceBatchAction.Generate,
                IssuanceStatus.OrgPendingSign => IssuanceBatchAction.Generate | IssuanceBatchAction.Sign,
                IssuanceStatus.OrgRejected => IssuanceBatchAction.Resign,
                IssuanceStatus.PendingIssue => IssuanceBatchAction.IssuePaper | IssuanceBatchAction.IssueElectronic,
                IssuanceStatus.SealFailed => IssuanceBatchAction.Reissue,
                IssuanceStatus.Issued => IssuanceBatchAction.Download | IssuanceBatchAction.Reissue,
                _ => IssuanceBatchAction.None,
            };
        }

        if (user.IsSchool())
        {
            return tab switch
            {
                IssuanceStatus.SitePendingSign => IssuanceBatchAction.Sign,
                IssuanceStatus.SiteRejected => IssuanceBatchAction.Resign,
                IssuanceStatus.Issued => IssuanceBatchAction.Download,
                _ => IssuanceBatchAction.None,
            };
        }

        return IssuanceBatchAction.None;
    }
}
