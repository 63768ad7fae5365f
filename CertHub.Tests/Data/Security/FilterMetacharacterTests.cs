using CertHub.Core.Applications;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Imaging;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Security;

/// <summary>
/// SQL and LIKE metacharacters (' % _ \ ; and a classic injection) typed into list filters on real SQLite: each finds exactly the
/// record that holds it literally, never a wildcard match, never an error, never another tenant's rows.
/// </summary>
public sealed class FilterMetacharacterTests : IDisposable
{
    private static readonly string[] HostileTexts = ["O'Brien", "100%", "a_b", @"back\slash", "semi;colon", "x' OR '1'='1", "'; DROP TABLE Candidates; --"];

    public static TheoryData<string> Hostile => [.. HostileTexts];

    private static readonly string[] Decoys = ["OBrien", "100x", "axb", "backslash", "semicolon", "x OR 1=1", "DROP TABLE"];

    private readonly SqliteTestDb _db = new();
    private readonly FakeTimeProvider _clock = new(ADomain.Day(2));
    private readonly ACatalog _catalog;

    public FilterMetacharacterTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private FixedCurrentUser School => new(UserRole.SchoolAdmin, SchoolId: _catalog.School.Id, UserName: "bjtu", DisplayName: "北京交通大学");

    private FixedCurrentUser Other => new(UserRole.SchoolAdmin, SchoolId: _catalog.OtherSchool.Id, UserName: "ncut", DisplayName: "北方工业大学");

    private CandidateService Candidates(ICurrentUser user) =>
        new(_db.FactoryFor(user), user, new MemoryFileStore(), new SkiaImageInspector(), new BuiltInIdentityVerifier(_clock), new RecordingChangeFeed(), _clock);

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task CandidateList_Should_MatchTheLiteralText_When_TheFilterHoldsMetacharacters(string hostile)
    {
        await SeedCandidatesAsync(Candidates(School), 0);
        await SeedCandidatesAsync(Candidates(Other), 100);

        var byName = await Candidates(School).ListAsync(new CandidateFilter(Name: hostile), new PageRequest(), default);
        var byId = await Candidates(School).ListAsync(new CandidateFilter(IdNumber: hostile), new PageRequest(), default);
        var byNo = await Candidates(School).ListAsync(new CandidateFilter(CandidateNo: hostile), new PageRequest(), default);
        var all = await Candidates(School).ListAsync(new CandidateFilter(), new PageRequest(), default);

        Assert.Equal(hostile, Assert.Single(byName.Items).Name);
        Assert.Empty(byId.Items);
        Assert.Empty(byNo.Items);
        Assert.Equal(HostileTexts.Length + Decoys.Length, all.TotalCount);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task OrganizationList_Should_MatchTheLiteralText_When_TheFilterHoldsMetacharacters(string hostile)
    {
        await using (var db = _db.OpenAsSystem())
        {
            var n = 0;
            foreach (var name in HostileTexts.Concat(Decoys))
            {
                db.Set<Organization>().Add(Organization.Create("组织" + name, $"91110000MA{n++:D8}"));
            }

            await db.SaveChangesAsync();
        }

        var admin = FixedCurrentUser.System;
        var queries = new OrganizationQueries(_db.FactoryFor(admin), admin, new PilotedCertificates(_db.FactoryFor(admin)));

        var page = await queries.ListAsync(new OrganizationFilter(hostile), new PageRequest(), default);

        Assert.Equal("组织" + hostile, Assert.Single(page.Items).Name);
    }

    private static async Task SeedCandidatesAsync(CandidateService service, int offset)
    {
        var names = HostileTexts.Concat(Decoys).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            var details = new CandidateDetails(names[i], "pin yin", IdType.ResidentIdCard, IdNumber(offset + i), Phone: "13812345678");
            await service.CreateAsync(CandidateType.SchoolCandidate, details, default);
        }
    }

    /// <summary>A valid 18-digit ID number (GB 11643 check digit) for a sequence number.</summary>
    private static string IdNumber(int sequence)
    {
        var body = $"11010119900307{sequence:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
