using System.Globalization;
using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Data;
using CertHub.Web.Documents.Excel;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CertHub.Bench.Load;

/// <summary>The tenants the virtual users work in: organisation wl (issuance) and school ustb (candidates).</summary>
internal sealed record LoadTenants(int OrganizationId, int SchoolId);

/// <summary>
/// Bulk data on top of the demo seed, so that both lists have thousands of pages: N candidates for ustb (through the real
/// CandidateImportService), N issuance records for wl over those candidates (various statuses, 60 % 机构待签发), and the
/// load accounts (copies of the demo accounts wl and ustb: same password, role and tenant).
/// </summary>
internal static class LoadData
{
    public const string Password = "Demo@12345";

    public static async Task<LoadTenants> TenantsAsync(CertHubContextBuilder builder)
    {
        await using var db = builder.Create(FixedCurrentUser.System);
        var organization = await db.Set<Organization>().SingleAsync(o => o.CreditCode == "91110000MA01WL001X");
        var school = await db.Set<PilotSchool>().SingleAsync(s => s.Code == "4111010008");
        return new LoadTenants(organization.Id, school.Id);
    }

    public static FixedCurrentUser SchoolUser(LoadTenants tenants) =>
        new(UserRole.SchoolAdmin, SchoolId: tenants.SchoolId, UserName: "ustb", DisplayName: "北京科技大学", UserId: "load-bench");

    public static FixedCurrentUser OrganizationUser(LoadTenants tenants) =>
        new(UserRole.OrgAdmin, OrganizationId: tenants.OrganizationId, UserName: "wl", DisplayName: "中物联物流", UserId: "load-bench");

    /// <summary>Writes an import file of <paramref name="rows"/> valid candidates; <paramref name="region"/> keeps ID numbers of two files apart.</summary>
    public static async Task<string> WriteCandidateFileAsync(CertHubContextBuilder builder, string folder, string region, int rows)
    {
        List<(string Name, MajorLevel Level)> majors;
        await using (var db = builder.Create(FixedCurrentUser.System))
        {
            majors = (await db.Set<Major>().OrderBy(m => m.Id).Take(5).Select(m => new { m.Name, m.Level }).ToListAsync())
                .Select(m => (m.Name, m.Level)).ToList();
        }

        var path = Path.Combine(folder, $"candidates-{region}.xlsx");
        await using var target = File.Create(path);
        await CandidateSheet.WriteRowsAsync(target, Rows(region, rows, majors));
        return path;
    }

    public static async Task<CandidateImportResult> ImportCandidatesAsync(CertHubContextBuilder builder, IFileStore files, LoadTenants tenants, string xlsx,
        IChangeFeed? changes = null)
    {
        var school = SchoolUser(tenants);
        var service = new CandidateImportService(new CertHubDbFactory(builder, school), school, new CandidateSheet(), files, changes ?? new NoChangeFeed(),
            TimeProvider.System);
        await using var stream = File.OpenRead(xlsx);
        var result = await service.ImportAsync(stream, Path.GetFileName(xlsx), CandidateImportMode.Create, null, CancellationToken.None);
        if (result.Failed != 0)
        {
            throw new InvalidOperationException($"Import of {xlsx}: {result.Failed} rows failed: {(result.Errors.Count > 0 ? result.Errors[0].Reason : "")}");
        }

        return result;
    }

    /// <summary>
    /// One issuance record of wl per bulk candidate (region 110101), modelled on a seeded wl record (its plan, site,
    /// certificate and result): i % 5 ∈ {0,1,2} 机构待签发, 3 院校待签发, 4 完成发放 (纸质证书: no PDF needed).
    /// </summary>
    public static async Task<int> InsertIssuanceAsync(CertHubContextBuilder builder, LoadTenants tenants, int count)
    {
        IssuanceRecord template;
        List<Candidate> candidates;
        await using (var db = builder.Create(FixedCurrentUser.System))
        {
            template = await db.Set<IssuanceRecord>().AsNoTracking().Where(r => r.OrganizationId == tenants.OrganizationId).OrderBy(r => r.Id).FirstAsync();
            candidates = await db.Set<Candidate>().AsNoTracking()
                .Where(c => c.SchoolId == tenants.SchoolId && c.IdNumber.StartsWith("110101") && !db.Set<IssuanceRecord>().Any(r => r.CandidateId == c.Id))
                .OrderBy(c => c.Id).Take(count).ToListAsync();
        }

        var now = DateTimeOffset.UtcNow.AddDays(-30);
        const int batch = 2_000;
        for (var start = 0; start < candidates.Count; start += batch)
        {
            await using var db = builder.Create(FixedCurrentUser.System);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var records = new List<IssuanceRecord>(batch);
            for (var i = start; i < Math.Min(start + batch, candidates.Count); i++)
            {
                var c = candidates[i];
                var source = new IssuanceSource(c.Id, tenants.SchoolId, template.SiteSchoolId, template.ExamSiteId, template.ExamPlanId,
                    tenants.OrganizationId, template.CertificateId, template.Level, template.CertificateResultId, template.Year, c.CandidateNo, c.Name,
                    c.IdNumber, "院校考生", "北京科技大学", template.CertificateName, template.OrganizationName, template.PlanName, template.SiteName);
                var record = IssuanceRecord.Generate(source, "中物联物流", now);
                if (i % 5 >= 3)
                {
                    record.SignByOrganization("张组织", "signatures/load.png", now.AddMinutes(1));
                }

                if (i % 5 == 4)
                {
                    record.SignBySite("李院校", "signatures/load.png", now.AddMinutes(2));
                    record.Issue(IssueMethod.Paper, "中物联物流", now.AddMinutes(3));
                    record.CompleteGeneration(string.Create(CultureInfo.InvariantCulture, $"LOAD{i:D10}"), DateOnly.FromDateTime(now.UtcDateTime), null,
                        now.AddMinutes(4));
                }

                records.Add(record);
            }

            db.AddRange(records);
            await db.SaveChangesAsync();
        }

        return candidates.Count;
    }

    /// <summary>
    /// VACUUM ANALYZE after the bulk load: planner statistics and visibility map as a database in service has them (autovacuum
    /// would otherwise get to the new rows only some time into the first run, and the runs would measure plans made without
    /// statistics and counts that cannot be answered from the indexes).
    /// </summary>
    public static async Task AnalyzeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Copies the demo account <paramref name="template"/> <paramref name="count"/> times as load-{template}-1… (same password hash, role, tenant).</summary>
    public static async Task<IReadOnlyList<string>> CreateAccountsAsync(string connectionString, string template, int count)
    {
        if (count == 0)
        {
            return [];
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var read = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'AspNetUsers' ORDER BY ordinal_position", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        var name = "'load-' || t.\"UserName\" || '-' || g";
        var replaced = new Dictionary<string, string>
        {
            ["Id"] = name,
            ["UserName"] = name,
            ["NormalizedUserName"] = $"upper({name})",
            ["SecurityStamp"] = "md5(random()::text)",
            ["ConcurrencyStamp"] = "md5(random()::text)",
            ["MustChangePassword"] = "false",
        };
        var select = string.Join(", ", columns.Select(c => replaced.TryGetValue(c, out var expression) ? expression : $"t.\"{c}\""));
        var sql = $"""
            INSERT INTO "AspNetUsers" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            SELECT {select} FROM "AspNetUsers" t CROSS JOIN generate_series(1, @count) g WHERE t."UserName" = @template;
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
            SELECT {name}, r."RoleId" FROM "AspNetUsers" t JOIN "AspNetUserRoles" r ON r."UserId" = t."Id" CROSS JOIN generate_series(1, @count) g
            WHERE t."UserName" = @template;
            """;
        await using var insert = new NpgsqlCommand(sql, connection);
        insert.Parameters.AddWithValue("count", count);
        insert.Parameters.AddWithValue("template", template);
        await insert.ExecuteNonQueryAsync();
        return [.. Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"load-{template}-{i}"))];
    }

    /// <summary>The first <paramref name="count"/> wl records in 机构待签发 that the users' lists do not depend on (any will do).</summary>
    public static async Task<List<int>> PendingSignIdsAsync(CertHubContextBuilder builder, LoadTenants tenants, int count)
    {
        await using var db = builder.Create(FixedCurrentUser.System);
        return await db.Set<IssuanceRecord>().Where(r => r.OrganizationId == tenants.OrganizationId && r.Status == IssuanceStatus.OrgPendingSign)
            .OrderByDescending(r => r.Id).Select(r => r.Id).Take(count).ToListAsync();
    }

    public static async Task<BatchResult> SignAsync(CertHubContextBuilder builder, IFileStore files, LoadTenants tenants, IReadOnlyList<int> ids,
        IChangeFeed changes)
    {
        var org = OrganizationUser(tenants);
        var service = new IssuanceService(new CertHubDbFactory(builder, org), org, files, changes, TimeProvider.System,
            new NullCertificateGenerationQueue());
        return await service.SignAsync(ids, new SignatureInput("张组织", GreyPng.Create(300, 120)), CancellationToken.None);
    }

    private static IEnumerable<IReadOnlyList<string?>> Rows(string region, int total, List<(string Name, MajorLevel Level)> majors)
    {
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
        string[] given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明"];
        for (var i = 0; i < total; i++)
        {
            var major = majors[i % majors.Count];
            var birth = new DateOnly(1998, 1, 1).AddDays(i / 1000);
            var first17 = string.Create(CultureInfo.InvariantCulture, $"{region}{birth:yyyyMMdd}{i % 1000:D3}");
            yield return [
                surnames[i % surnames.Length] + given[i / 10 % given.Length] + given[i / 120 % given.Length],
                string.Create(CultureInfo.InvariantCulture, $"load {i}"),
                "居民身份证",
                first17 + IdNumber.CheckCharacter(first17),
                string.Create(CultureInfo.InvariantCulture, $"139{i:D8}"),
                major.Name,
                major.Level.ToDisplayName(),
                (2018 + (i % 6)).ToString(CultureInfo.InvariantCulture),
                "院校考生",
            ];
        }
    }

    /// <summary>The set-up's writes (before the app runs) publish no live notices.</summary>
    private sealed class NoChangeFeed : IChangeFeed
    {
        public void Publish(ChangeNotice notice)
        {
        }

        public IDisposable Subscribe(string topic, Func<ChangeNotice, Task> handler) => new Nothing();

        private sealed class Nothing : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
