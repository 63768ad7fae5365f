using CertHub.Core.Imports;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Data.Imports;

public sealed class ImportsModelTests : IDisposable
{
    private readonly SqliteTestDb _db = new();
    private readonly IssuanceCatalogSeed _seed;

    public ImportsModelTests() => _seed = IssuanceCatalogSeed.SaveIn(_db);

    public void Dispose() => _db.Dispose();

    [Fact]
    public void ImportRecord_Should_RoundTrip_When_Saved()
    {
        var at = new DateTimeOffset(2021, 9, 20, 1, 2, 3, TimeSpan.Zero);
        using (var db = _db.OpenAsSystem())
        {
            db.Add(ImportRecord.Create(ImportKind.CandidateImport, "考生导入.xlsx", "ustb", _seed.SchoolId, null, 98, 2, "imports/1-failed.xlsx", at));
            db.Add(ImportRecord.Create(ImportKind.ScoreImport, "成绩导入.xlsx", "wl", null, _seed.OrganizationId, 10, 0, null, at));
            db.SaveChanges();
        }

        using var check = _db.OpenAsSystem();
        var loaded = check.Set<ImportRecord>().OrderBy(r => r.Id).ToList();
        Assert.Equal((ImportKind.CandidateImport, 100, 2, "imports/1-failed.xlsx", at), (loaded[0].Kind, loaded[0].TotalRows, loaded[0].FailedRows, loaded[0].FailedRowsFilePath, loaded[0].CreatedUtc));
        Assert.Equal((ImportKind.ScoreImport, (int?)null, _seed.OrganizationId), (loaded[1].Kind, loaded[1].SchoolId, loaded[1].OrganizationId!.Value));
    }
}
