using CertHub.Core.Audit;
using CertHub.Tests.Support;

namespace CertHub.Tests.Data.Audit;

public sealed class AuditModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void AuditEntry_Should_RoundTrip_When_Saved()
    {
        var at = new DateTimeOffset(2021, 9, 20, 1, 2, 3, TimeSpan.Zero);
        using (var db = _db.OpenAsSystem())
        {
            db.Add(AuditEntry.Create(at, "wl", "user-1", "IssuanceRecord", "12", "签发", "培训评价组织待签发", "考核站点待签发", "批量签发", schoolId: 7, organizationId: 3, provinceId: 1));
            db.SaveChanges();
        }

        using var check = _db.OpenAsSystem();
        var loaded = check.Set<AuditEntry>().Single();
        Assert.Equal(("wl", "IssuanceRecord", "12", "签发", "考核站点待签发", at), (loaded.UserName, loaded.EntityType, loaded.EntityId, loaded.Action, loaded.ToStatus, loaded.AtUtc));
        Assert.Equal((7, 3, 1), (loaded.SchoolId!.Value, loaded.OrganizationId!.Value, loaded.ProvinceId!.Value));
    }
}
