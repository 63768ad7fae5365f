using CertHub.Core.Common;

namespace CertHub.Core.Audit;

/// <summary>操作日志: who did what to which record, when, with the status change and the tenant it belongs to.</summary>
public sealed class AuditEntry : Entity
{
    public const int UserNameMaxLength = 100;
    public const int UserIdMaxLength = 450;
    public const int EntityTypeMaxLength = 60;
    public const int EntityIdMaxLength = 60;
    public const int ActionMaxLength = 60;
    public const int StatusMaxLength = 40;
    public const int DetailMaxLength = 2000;

    private AuditEntry()
    {
    }

    public DateTimeOffset AtUtc { get; private set; }

    public string UserName { get; private set; } = "";

    public string? UserId { get; private set; }

    /// <summary>The entity type name, e.g. IssuanceRecord.</summary>
    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    /// <summary>The action, e.g. 签发.</summary>
    public string Action { get; private set; } = "";

    public string? FromStatus { get; private set; }

    public string? ToStatus { get; private set; }

    public string? Detail { get; private set; }

    public int? SchoolId { get; private set; }

    public int? OrganizationId { get; private set; }

    public int? ProvinceId { get; private set; }

    public static AuditEntry Create(DateTimeOffset atUtc, string userName, string? userId, string entityType, string entityId, string action,
        string? fromStatus = null, string? toStatus = null, string? detail = null, int? schoolId = null, int? organizationId = null, int? provinceId = null) =>
        new()
        {
            AtUtc = atUtc,
            UserName = Guard.Required(userName, "操作人", UserNameMaxLength),
            UserId = Guard.Optional(userId, "用户标识", UserIdMaxLength),
            EntityType = Guard.Required(entityType, "对象类型", EntityTypeMaxLength),
            EntityId = Guard.Required(entityId, "对象标识", EntityIdMaxLength),
            Action = Guard.Required(action, "操作", ActionMaxLength),
            FromStatus = Guard.Optional(fromStatus, "原状态", StatusMaxLength),
            ToStatus = Guard.Optional(toStatus, "新状态", StatusMaxLength),
            Detail = Truncate(detail?.Trim(), DetailMaxLength),
            SchoolId = schoolId,
            OrganizationId = organizationId,
            ProvinceId = provinceId,
        };

    private static string? Truncate(string? value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
