using CertHub.Core.Catalog;

namespace CertHub.Tests.Support.Builders;

/// <summary>
/// The catalogue rows that issuance, scores, scheduling, reports and imports point at (foreign keys): one province,
/// two schools, one organisation and one certificate, saved by <see cref="SaveIn"/>.
/// </summary>
public sealed record IssuanceCatalogSeed(int ProvinceId, int SchoolId, int OtherSchoolId, int OrganizationId, int CertificateId)
{
    public static IssuanceCatalogSeed SaveIn(SqliteTestDb db)
    {
        using var context = db.OpenAsSystem();
        var province = Province.Create("11", "北京市", "北京市教育委员会");
        context.Add(province);
        context.SaveChanges();
        var school = PilotSchool.Create("北京科技大学", "4111010008", province.Id, SchoolType.Undergraduate);
        var other = PilotSchool.Create("北方工业大学", "4111010009", province.Id, SchoolType.Undergraduate);
        var organization = Organization.Create("中物联物流", "91110000100000000X");
        context.AddRange(school, other, organization);
        context.SaveChanges();
        var certificate = Certificate.Create("信息化应用职业技能等级证书", "1+X-XXH", organization.Id,
            [CertificateLevel.Junior, CertificateLevel.Intermediate, CertificateLevel.Senior], AnIssuanceRecord.T0);
        context.Add(certificate);
        context.SaveChanges();
        return new IssuanceCatalogSeed(province.Id, school.Id, other.Id, organization.Id, certificate.Id);
    }
}
