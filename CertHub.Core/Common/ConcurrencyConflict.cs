using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Common;

/// <summary>
/// A lost update refused by the optimistic concurrency token (<see cref="Entity.RowVersion"/>): the unit of work turns the
/// provider's <see cref="DbUpdateConcurrencyException"/> into a <see cref="DomainRuleException"/> with <see cref="Message"/>
/// (so pages show it like any refused rule); code that retries on fresh rows recognises it with <see cref="Is"/>.
/// </summary>
public static class ConcurrencyConflict
{
    public const string Message = "数据已被其他用户修改，请刷新后重试";

    public static DomainRuleException From(DbUpdateConcurrencyException exception) => new(Message, exception);

    public static bool Is(Exception exception) => exception is DomainRuleException { InnerException: DbUpdateConcurrencyException };
}
