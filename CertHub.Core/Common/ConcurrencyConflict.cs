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

    /// <summary>The user decided on a version of the row that is no longer current (<see cref="Entity.EnsureVersion"/>).</summary>
    public static DomainRuleException Stale() => new(Message, new StaleVersionException());

    /// <summary>A save that overlapped another (retryable on fresh rows); a <see cref="Stale"/> refusal is the user's and is not.</summary>
    public static bool Is(Exception exception) => exception is DomainRuleException { InnerException: DbUpdateConcurrencyException };
}

/// <summary>Inner exception of <see cref="ConcurrencyConflict.Stale"/>: the version a user saw was overtaken by another save.</summary>
public sealed class StaleVersionException : Exception
{
    public StaleVersionException() : base(ConcurrencyConflict.Message)
    {
    }

    public StaleVersionException(string message) : base(message)
    {
    }

    public StaleVersionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
