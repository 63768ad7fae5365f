using CertHub.Core.Audit;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Data.Imports;

/// <summary>
/// The SQLite <see cref="IBulkInsert"/> binds values by position on a raw statement: every column must be stored exactly
/// as EF's change tracker stores it (same SQLite storage class and value), and a failing row must surface as an error.
/// </summary>
public sealed class SqliteBulkInsertTests : IDisposable
{
    private readonly SqliteTestDb _db = SqliteTestDb.InFile(); // always SQLite: this is the SQLite bulk path, whatever CERTHUB_TEST_DB says
    private readonly ACatalog _catalog;

    public SqliteBulkInsertTests() => _catalog = ACatalogSeed.SeedAsync(_db).GetAwaiter().GetResult();

    public void Dispose() => _db.Dispose();

    private static readonly DateTimeOffset Now = ADomain.T0.AddHours(3).AddTicks(1234567);

    private Candidate NewCandidate(int schoolId, string candidateNo, bool resident) => Candidate.Create(schoolId, CandidateType.SchoolCandidate, candidateNo,
        resident
            ? new CandidateDetails("张伟", "zhang wei", IdType.ResidentIdCard, "110101199901010010", Phone: "13812345678", MajorId: _catalog.Major.Id,
                MajorLevel: MajorLevel.HigherVocational, EnrollmentYear: 2021)
            : new CandidateDetails("陈大文", null, IdType.HongKongMacaoPermit, "H12345678", Gender.Female, new DateOnly(2001, 2, 3)),
        Now);

    [Fact]
    public async Task BulkInsert_Should_StoreEveryCandidateColumn_AsTheChangeTrackerDoes()
    {
        var bulk = new[] { NewCandidate(_catalog.School.Id, "11010120261700000000000001", true), NewCandidate(_catalog.School.Id, "00000020261700000000000002", false) };
        await using (var db = _db.OpenAsSystem())
        {
            Assert.Equal(2, await ((IBulkInsert)db).BulkInsertAsync(bulk));
        }

        var tracked = new[] { NewCandidate(_catalog.OtherSchool.Id, "11010120261700000000000003", true), NewCandidate(_catalog.OtherSchool.Id, "00000020261700000000000004", false) };
        await using (var db = _db.OpenAsSystem())
        {
            db.AddRange(tracked);
            await db.SaveChangesAsync();
        }

        Assert.All(bulk, c => Assert.True(c.Id > 0)); // generated keys handed back
        string[] skip = ["Id", "SchoolId", "CandidateNo"];
        var columns = (await StoredColumnsAsync("Candidates")).Except(skip).ToArray();
        Assert.Contains("BirthDate", columns);
        Assert.Contains("CreatedUtc", columns);
        for (var i = 0; i < bulk.Length; i++)
        {
            Assert.Equal(await StoredAsync("Candidates", columns, tracked[i].Id), await StoredAsync("Candidates", columns, bulk[i].Id));
        }

        var resident = await StoredAsync("Candidates", ["BirthDate", "Gender", "CreatedUtc", "Pinyin", "EnrollmentYear"], bulk[0].Id);
        Assert.Equal(["text:'1999-01-01'", "text:'Male'", $"integer:{Now.UtcTicks}", "text:'zhang wei'", "integer:2021"], resident);

        await using var check = _db.OpenAsSystem();
        var audits = await check.Set<AuditEntry>().Where(a => a.EntityType == nameof(Candidate)).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(bulk.Concat(tracked).Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), audits.Select(a => a.EntityId));
    }

    [Theory]
    [InlineData(10)] // UTF-8 encoded on the stack
    [InlineData(1_500)] // longer than the stack buffer
    public async Task BulkInsert_Should_StoreTextOfAnyLength_AsTheChangeTrackerDoes(int length)
    {
        var detail = string.Concat(Enumerable.Repeat("考生信息导入", length / 6 + 1))[..length];
        AuditEntry Entry(string id) => AuditEntry.Create(Now, "ustb", null, "Test", id, "导入", null, "无照片", detail, _catalog.School.Id);
        var bulk = Entry("bulk");
        var tracked = Entry("tracked");
        await using (var db = _db.OpenAsSystem())
        {
            await ((IBulkInsert)db).BulkInsertAsync([bulk]);
            db.Add(tracked);
            await db.SaveChangesAsync();
        }

        var columns = (await StoredColumnsAsync("AuditEntries")).Except(["Id", "EntityId"]).ToArray();
        Assert.Equal(await StoredAsync("AuditEntries", columns, tracked.Id), await StoredAsync("AuditEntries", columns, bulk.Id));
        await using var check = _db.OpenAsSystem();
        Assert.Equal(detail, (await check.Set<AuditEntry>().SingleAsync(a => a.Id == bulk.Id)).Detail);
    }

    [Fact]
    public async Task BulkInsert_Should_Throw_OnAConstraintViolation_AndWriteNothing_WhenItOwnsTheTransaction()
    {
        var twins = new[] { NewCandidate(_catalog.School.Id, "11010120261700000000000001", true), NewCandidate(_catalog.School.Id, "11010120261700000000000002", true) };
        await using (var db = _db.OpenAsSystem())
        {
            var error = await Assert.ThrowsAsync<SqliteException>(() => ((IBulkInsert)db).BulkInsertAsync(twins));
            Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT: (SchoolId, IdNumber) is unique
        }

        await using var check = _db.OpenAsSystem();
        Assert.Equal(0, await check.Set<Candidate>().CountAsync());
        Assert.Equal(0, await check.Set<AuditEntry>().CountAsync(a => a.EntityType == nameof(Candidate)));
    }

    private async Task<string[]> StoredColumnsAsync(string table)
    {
        await using var db = _db.OpenAsSystem();
        return [.. await db.Database.SqlQuery<string>($"SELECT name AS Value FROM pragma_table_info({table})").ToListAsync()];
    }

    /// <summary>Each column of the row as "storage class:SQL literal" (typeof and quote), so 1 and '1' or NULL and '' differ.</summary>
    private async Task<string[]> StoredAsync(string table, IEnumerable<string> columns, int id)
    {
        await using var db = _db.OpenAsSystem();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"typeof(\"{c}\") || ':' || quote(\"{c}\")"))} FROM \"{table}\" WHERE \"Id\" = {id}";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)];
    }
}
