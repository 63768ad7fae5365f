using CertHub.Core.Common;

namespace CertHub.Core.Issuance;

/// <summary>
/// Who the current account is on an issuance record: the certificate's organisation acts as 培训评价组织, the school owning
/// the exam site as 考核站点; everybody else who can see the record (the candidate's own school, the province, the platform)
/// reads it only.
/// </summary>
internal static class IssuanceAccess
{
    public const string NotFound = "记录不存在或无权操作";
    public const string Conflict = "该记录已被他人处理，请刷新后重试";
    public const string ResultText = "已通过";

    /// <summary>The organisation the user acts for, or null.</summary>
    public static int? ActingOrganizationId(ICurrentUser user) => user.IsOrganization() ? user.OrganizationId : null;

    /// <summary>The school the user signs for as 考核站点, or null.</summary>
    public static int? ActingSchoolId(ICurrentUser user) => user.IsSchool() ? user.SchoolId : null;

    public static IssuanceParty? PartyOf(int organizationId, int siteSchoolId, int? actingOrganizationId, int? actingSchoolId) =>
        actingOrganizationId == organizationId ? IssuanceParty.Organization
        : actingSchoolId == siteSchoolId ? IssuanceParty.Site
        : null;

    public static IssuanceParty? PartyOf(ICurrentUser user, IssuanceRecord record) =>
        PartyOf(record.OrganizationId, record.SiteSchoolId, ActingOrganizationId(user), ActingSchoolId(user));

    /// <summary>The 操作 offered on a row: the record's CanX for the user's party; 下载 for anyone who sees an issued PDF.</summary>
    public static IssuanceCommands Commands(IssuanceStatus status, bool hasPdf, int organizationId, int siteSchoolId,
        int? actingOrganizationId, int? actingSchoolId)
    {
        var commands = IssuanceRecord.IsDownloadable(status, hasPdf) ? IssuanceCommands.Download : IssuanceCommands.None;
        if (PartyOf(organizationId, siteSchoolId, actingOrganizationId, actingSchoolId) is not { } party)
        {
            return commands;
        }

        if (IssuanceRecord.Allows(status, party, IssuanceAction.Sign))
        {
            commands |= IssuanceCommands.Sign;
        }

        if (IssuanceRecord.Allows(status, party, IssuanceAction.Reject))
        {
            commands |= IssuanceCommands.Reject;
        }

        if (IssuanceRecord.Allows(status, party, IssuanceAction.Resign))
        {
            commands |= IssuanceCommands.Resign;
        }

        if (IssuanceRecord.Allows(status, party, IssuanceAction.Issue))
        {
            commands |= IssuanceCommands.Issue;
        }

        if (IssuanceRecord.Allows(status, party, IssuanceAction.Reissue))
        {
            commands |= IssuanceCommands.Reissue;
        }

        if (party == IssuanceParty.Organization && IssuanceRecord.IsDeletable(status))
        {
            commands |= IssuanceCommands.Delete;
        }

        return commands;
    }

    /// <summary>Throws unless the user acts for the record's organisation.</summary>
    public static void RequireOrganization(IssuanceParty? party, string message) =>
        DomainRuleException.ThrowIf(party != IssuanceParty.Organization, message);
}
