using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Support.Builders;

/// <summary>Asserts that saving failed because of a unique index, not for another reason (e.g. a foreign key).</summary>
public static class AUniqueIndex
{
    public static void Violated(Action save)
    {
        var ex = Assert.Throws<DbUpdateException>(save);
        Assert.Contains("UNIQUE constraint failed", ex.InnerException?.Message ?? ex.Message);
    }

    public static async Task ViolatedAsync(Func<Task> save)
    {
        var ex = await Assert.ThrowsAsync<DbUpdateException>(save);
        Assert.Contains("UNIQUE constraint failed", ex.InnerException?.Message ?? ex.Message);
    }
}
