using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CertHub.Core.Common;
using CertHub.Core.Statistics;
using CertHub.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CertHub.Bench;

/// <summary>
/// statistics: a temporary SQLite database with N registrations (default 1,000,000) across 50 certificates, 200 schools and
/// 6 exam plans, with 考证结果 (about 80%, 60% of them 已通过), 发证记录 and approved pilot applications, written with
/// prepared INSERTs in one transaction; then times each 证书通过率统计 query through the real <see cref="PassRateQueries"/>
/// as the platform, an organisation, a province and a school (target &lt; 1 s each) and prints EXPLAIN QUERY PLAN of the
/// SQL they ran (captured by an interceptor) to show the indexes used.
/// </summary>
public static class StatisticsBench
{
    private const double TargetSeconds = 1;
    private const int Certificates = 50;
    private const int Schools = 200;
    private const int Organizations = 10;
    private const int Provinces = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var total = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;
        var folder = Directory.CreateTempSubdirectory("certhub-bench-statistics-");
        try
        {
            Console.WriteLine($"CertHub statistics bench — {Environment.ProcessorCount} cores (shared: wall times are noisy), {total:N0} registrations");
            var file = Path.Combine(folder.FullName, "bench.db");
            var recorder = new SqlRecorder();
            var builder = new CertHubContextBuilder(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}"), [recorder]);
            await using (var db = builder.Create(FixedCurrentUser.System))
            {
                await db.Database.EnsureCreatedAsync();
            }

            var watch = Stopwatch.StartNew();
            var rows = Fill(file, total);
            Console.WriteLine($"bulk insert {rows:N0} rows (prepared statements, one transaction): {watch.Elapsed.TotalSeconds:F1} s");

            var users = new (string Name, FixedCurrentUser User)[]
            {
                ("平台", FixedCurrentUser.System),
                ("培训评价组织", new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: 1, UserName: "org")),
                ("省级", new FixedCurrentUser(UserRole.ProvinceAdmin, ProvinceId: 1, UserName: "province")),
                ("院校", new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: 1, ProvinceId: 1, UserName: "school")),
            };
            var ok = true;
            foreach (var (name, user) in users)
            {
                var queries = new PassRateQueries(new CertHubDbFactory(builder, user), user);
                await queries.GetAsync(PassRateGrouping.ByLevel, new PassRateFilter(), default); // warm-up (model, pages)
                foreach (var (label, grouping, filter) in new[]
                {
                    ("按证书统计", PassRateGrouping.ByCertificate, new PassRateFilter()),
                    ("按证书等级统计", PassRateGrouping.ByLevel, new PassRateFilter()),
                    ("按证书统计 年度=2026", PassRateGrouping.ByCertificate, new PassRateFilter(Year: 2026)),
                    ("按证书统计 筛选机构", PassRateGrouping.ByCertificate, new PassRateFilter(OrganizationId: 2)),
                })
                {
                    recorder.Commands.Clear();
                    watch.Restart();
                    var report = await queries.GetAsync(grouping, filter, default);
                    var seconds = watch.Elapsed.TotalSeconds;
                    ok &= seconds < TargetSeconds;
                    Console.WriteLine($"{name,-8} {label,-16} {report.Rows.Count,4} rows, 报考 {report.Funnel.Registered:N0} 参考 {report.Funnel.Attended:N0} 通过 {report.Funnel.Passed:N0} 发证 {report.Funnel.Issued:N0}: {seconds:F3} s   target < {TargetSeconds:F0} s   {(seconds < TargetSeconds ? "OK" : "MISSED")}");
                    if (name == "平台" && label == "按证书等级统计" || name == "院校" && label == "按证书统计 年度=2026")
                    {
                        ExplainAll(file, recorder.Commands);
                    }
                }
            }

            return ok ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static long Fill(string file, int total)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        Exec(connection, "PRAGMA foreign_keys = OFF; PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");
        using var tx = connection.BeginTransaction();
        var random = new Random(42);
        long rows = 0;
        var levels = new[] { "Junior", "Intermediate", "Senior" };
        using (var province = Prepared(connection, tx, "Provinces", "Id", "Code", "Name", "AuthorityName"))
        {
            for (var i = 1; i <= Provinces; i++, rows++)
            {
                province.Run(i, $"{10 + i}", $"省份{i}", $"教育厅{i}");
            }
        }

        using (var org = Prepared(connection, tx, "Organizations", "Id", "Name", "CreditCode"))
        {
            for (var i = 1; i <= Organizations; i++, rows++)
            {
                org.Run(i, $"培训评价组织{i}", $"9111000000000000{i:D2}");
            }
        }

        using (var certificate = Prepared(connection, tx, "Certificates", "Id", "Name", "Code", "OrganizationId", "Status"))
        {
            for (var i = 1; i <= Certificates; i++, rows++)
            {
                certificate.Run(i, $"职业技能等级证书{i:D2}", $"1+X-{i:D2}", 1 + (i % Organizations), "Enabled");
            }
        }

        using (var school = Prepared(connection, tx, "PilotSchools", "Id", "Name", "Code", "ProvinceId", "SchoolType"))
        {
            for (var i = 1; i <= Schools; i++, rows++)
            {
                school.Run(i, $"试点院校{i:D3}", $"41{i:D8}", 1 + (i % Provinces), "Undergraduate");
            }
        }

        using (var plan = Prepared(connection, tx, "ExamPlans", "Id", "Name", "Year", "OrganizationId"))
        {
            for (var i = 1; i <= 6; i++, rows++)
            {
                plan.Run(i, $"考试计划{i}", 2024 + ((i - 1) / 2), 1 + (i % Organizations));
            }
        }

        using (var application = Prepared(connection, tx, "PilotApplications", "SchoolId", "Year", "CertificateId", "Level", "Status", "RequestedTotal", "ApprovedTotal"))
        {
            for (var s = 1; s <= Schools; s++)
            {
                for (var k = 0; k < 5; k++, rows++)
                {
                    application.Run(s, 2026, 1 + ((s + (k * 7)) % Certificates), levels[k % 3], "Approved", 60, 50);
                }
            }
        }

        using var registration = Prepared(connection, tx, "Registrations", "ExamPlanId", "CandidateId", "SchoolId", "CertificateId", "Level", "IsPaid", "IsScheduled");
        using var result = Prepared(connection, tx, "CertificateResults", "CandidateId", "ExamPlanId", "CertificateId", "Level", "SchoolId", "ExamSiteId", "Status");
        using var issuance = Prepared(connection, tx, "IssuanceRecords", "CandidateId", "ExamPlanId", "CertificateId", "Level", "CandidateSchoolId", "SiteSchoolId",
            "OrganizationId", "Year", "Status");
        for (var candidate = 1; candidate <= total; candidate++)
        {
            var plan = 1 + random.Next(6);
            var school = 1 + random.Next(Schools);
            var certificate = 1 + random.Next(Certificates);
            var level = levels[random.Next(3)];
            var scheduled = random.Next(10) < 9;
            registration.Run(plan, candidate, school, certificate, level, 1, scheduled ? 1 : 0);
            rows++;
            if (!scheduled || random.Next(10) >= 8)
            {
                continue;
            }

            var passed = random.Next(10) < 6;
            result.Run(candidate, plan, certificate, level, school, 1, passed ? "Passed" : "Failed");
            rows++;
            if (passed && random.Next(10) < 7)
            {
                issuance.Run(candidate, plan, certificate, level, school, school, 1 + (certificate % Organizations), 2024 + ((plan - 1) / 2),
                    random.Next(10) < 8 ? "Issued" : "PendingIssue");
                rows++;
            }
        }

        tx.Commit();
        Exec(connection, "ANALYZE;");
        return rows;
    }

    private static void ExplainAll(string file, IReadOnlyList<DbCommandText> commands)
    {
        using var connection = new SqliteConnection($"Data Source={file}");
        connection.Open();
        foreach (var command in commands.Where(c => c.Sql.Contains("GROUP BY", StringComparison.Ordinal)))
        {
            Console.WriteLine("  EXPLAIN QUERY PLAN " + command.Sql.Split('\n')[0].Trim() + " ...");
            using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
            foreach (var (name, value) in command.Parameters)
            {
                explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            using var reader = explain.ExecuteReader();
            while (reader.Read())
            {
                Console.WriteLine($"    {reader.GetString(3)}");
            }
        }
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A prepared INSERT naming <paramref name="columns"/>; other NOT NULL columns get 0 or ''.</summary>
    private static PreparedInsert Prepared(SqliteConnection connection, SqliteTransaction tx, string table, params string[] columns)
    {
        var fill = new List<(string Name, object Value)>();
        using (var info = connection.CreateCommand())
        {
            info.Transaction = tx;
            info.CommandText = $"SELECT name, type FROM pragma_table_info('{table}') WHERE \"notnull\" = 1 AND pk = 0 AND dflt_value IS NULL";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                var name = reader.GetString(0);
                if (!columns.Contains(name))
                {
                    fill.Add((name, reader.GetString(1).Equals("INTEGER", StringComparison.OrdinalIgnoreCase) ? 0 : ""));
                }
            }
        }

        var names = columns.Concat(fill.Select(f => f.Name)).ToList();
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < names.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            parameter.Value = i >= columns.Length ? fill[i - columns.Length].Value : DBNull.Value;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return new PreparedInsert(command, columns.Length);
    }

    private sealed class PreparedInsert(SqliteCommand command, int count) : IDisposable
    {
        public void Run(params object[] values)
        {
            for (var i = 0; i < count; i++)
            {
                command.Parameters[i].Value = values[i];
            }

            command.ExecuteNonQuery();
        }

        public void Dispose() => command.Dispose();
    }

    private sealed record DbCommandText(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Keeps the SQL (and parameters) of the commands run, for EXPLAIN QUERY PLAN.</summary>
    private sealed class SqlRecorder : DbCommandInterceptor
    {
        public List<DbCommandText> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new DbCommandText(command.CommandText,
                [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
