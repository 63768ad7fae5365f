using CertHub.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Audit;

/// <summary>查询条件 of 审计日志: a China-date range (inclusive), 操作人 (contains), 对象类型 and 操作.</summary>
public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? UserName = null, string? EntityType = null, string? Action = null);

/// <summary>One row of 审计日志.</summary>
public sealed record AuditListItem(int Id, DateTimeOffset AtUtc, string UserName, string EntityType, string EntityId, string Action,
    string? FromStatus, string? ToStatus, string? Detail)
{
    public string EntityTypeName => AuditNames.EntityTypeName(EntityType);
}

/// <summary>Records an action that is not a status change (登录, 登录失败, 导出) in the audit log.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry stamped with the current user and tenant.</summary>
    Task RecordAsync(string entityType, string entityId, string action, string? detail, CancellationToken ct);

    /// <summary>Appends a prepared entry (e.g. a login, made before anyone is signed in).</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken ct);
}

/// <summary>Chinese names of the audited record types and the actions written outside status changes.</summary>
public static class AuditNames
{
    public const string Account = "Account";
    public const string Export = "Export";
    public const string Login = "登录";
    public const string LoginFailed = "登录失败";
    public const string ExportAction = "导出";

    private static readonly Dictionary<string, string> EntityTypes = new(StringComparer.Ordinal)
    {
        [Account] = "账号",
        [Export] = "导出",
        ["WeeklyReport"] = "周报",
        ["Province"] = "省级教育行政部门",
        ["PilotApplication"] = "证书试点申报",
        ["ExamSite"] = "考核站点",
        ["Candidate"] = "考生",
        ["Registration"] = "报考",
        ["PaymentRequest"] = "缴费",
        ["IssuanceRecord"] = "发证记录",
        ["Invigilator"] = "监考人员",
        ["CertificateResult"] = "考证结果",
        ["ImportRecord"] = "导入记录",
        ["ApiKey"] = "API密钥",
        ["ExamPlan"] = "考试计划",
    };

    public static string EntityTypeName(string entityType) => EntityTypes.GetValueOrDefault(entityType, entityType);
}

/// <summary>
/// 审计日志: the platform admin reads every entry, other accounts only their tenant's (the query filters decide);
/// filter, page and export; record logins and exports.
/// </summary>
public sealed class AuditLogService(ICertHubDbFactory dbFactory, ICurrentUser currentUser, TimeProvider clock) : IAuditLog
{
    public const int ExportLimit = 100_000;

    public async Task<PagedResult<AuditListItem>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Project(Filtered(db, filter)).ToPagedAsync(page, ct);
    }

    /// <summary>批量导出: every entry matching the filter (newest first, at most <see cref="ExportLimit"/>).</summary>
    public async Task<IReadOnlyList<AuditListItem>> ExportRowsAsync(AuditFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Project(Filtered(db, filter)).Take(ExportLimit).ToListAsync(ct);
    }

    /// <summary>对象类型 options: the types present in the visible entries.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<AuditEntry>().AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    /// <summary>操作 options: the actions present in the visible entries.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<AuditEntry>().AsNoTracking().Select(a => a.Action).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    public async Task RecordAsync(string entityType, string entityId, string action, string? detail, CancellationToken ct) =>
        await AppendAsync(AuditEntry.Create(clock.GetUtcNow(), currentUser.IsAuthenticated ? currentUser.UserName : "anonymous", currentUser.UserId,
            entityType, entityId, action, detail: detail, schoolId: currentUser.SchoolId, organizationId: currentUser.OrganizationId,
            provinceId: currentUser.ProvinceId), ct);

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var db = await dbFactory.CreateAsync(ct);
        db.Set<AuditEntry>().Add(entry);
        await db.SaveChangesAsync(ct);
    }

    private static IQueryable<AuditEntry> Filtered(ICertHubDb db, AuditFilter filter)
    {
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (filter.From is { } from)
        {
            var start = StartOfChinaDay(from);
            query = query.Where(a => a.AtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOfChinaDay(to.AddDays(1));
            query = query.Where(a => a.AtUtc < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var name = filter.UserName.Trim();
            query = query.Where(a => a.UserName.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        return query;
    }

    private static IQueryable<AuditListItem> Project(IQueryable<AuditEntry> query) =>
        query.OrderByDescending(a => a.Id)
            .Select(a => new AuditListItem(a.Id, a.AtUtc, a.UserName, a.EntityType, a.EntityId, a.Action, a.FromStatus, a.ToStatus, a.Detail));

    private static DateTimeOffset StartOfChinaDay(DateOnly date) =>
        new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), ChinaTime.Offset).ToUniversalTime();

    /// <summary>The 对象标识 of a login entry: the account name.</summary>
    public static string LoginEntityId(string userName) =>
        userName.Length <= AuditEntry.EntityIdMaxLength ? userName : userName[..AuditEntry.EntityIdMaxLength];
}
