using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CertHub.Tests.Support.Builders;

/// <summary>Asserts that saving failed because of a unique index, not for another reason (e.g. a foreign key), on SQLite or PostgreSQL.</summary>
public static class AUniqueIndex
{
    public static void Violated(Action save) => AssertUnique(Assert.Throws<DbUpdateException>(save));

    public static async Task ViolatedAsync(Func<Task> save) => AssertUnique(await Assert.ThrowsAsync<DbUpdateException>(save));

    private static void AssertUnique(DbUpdateException ex)
    {
        if (ex.InnerException is PostgresException postgres)
        {
            Assert.Equal(PostgresErrorCodes.UniqueViolation, postgres.SqlState);
            return;
        }

        Assert.Contains("UNIQUE constraint failed", ex.InnerException?.Message ?? ex.Message);
    }
}
