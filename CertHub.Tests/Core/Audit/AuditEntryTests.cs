using CertHub.Core.Audit;
using CertHub.Core.Common;

namespace CertHub.Tests.Core.Audit;

public sealed class AuditEntryTests
{
    private static readonly DateTimeOffset T0 = new(2021, 9, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_Should_KeepWhoWhatWhen_When_Valid()
    {
        var entry = AuditEntry.Create(T0, "wl", "u1", "IssuanceRecord", "12", "签发", "培训评价组织待签发", "考核站点待签发", new string('x', 3000), schoolId: 1, organizationId: 2);

        Assert.Equal(("IssuanceRecord", "12", "签发", "考核站点待签发"), (entry.EntityType, entry.EntityId, entry.Action, entry.ToStatus));
        Assert.Equal(AuditEntry.DetailMaxLength, entry.Detail!.Length);
        Assert.Equal((1, 2, (int?)null), (entry.SchoolId!.Value, entry.OrganizationId!.Value, entry.ProvinceId));
    }

    [Fact]
    public void Create_Should_Throw_When_ActionMissing()
    {
        Assert.Throws<DomainRuleException>(() => AuditEntry.Create(T0, "wl", null, "IssuanceRecord", "12", " "));
    }
}
