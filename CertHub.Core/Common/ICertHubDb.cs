using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Common;

/// <summary>
/// The database as services see it: one short-lived unit of work per operation (never a context held by a page).
/// Every query through it is already narrowed to the current user's tenant.
/// </summary>
public interface ICertHubDb : IAsyncDisposable, IDisposable
{
    DbSet<TEntity> Set<TEntity>() where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade Database { get; }
}

/// <summary>Opens a unit of work for the current user.</summary>
public interface ICertHubDbFactory
{
    Task<ICertHubDb> CreateAsync(CancellationToken cancellationToken = default);
}
