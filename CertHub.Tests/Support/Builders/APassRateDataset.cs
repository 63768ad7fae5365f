using System.Data.Common;
using CertHub.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CertHub.Tests.Support.Builders;

/// <summary>
/// A small hand-built statistics dataset written with plain SQL (the aggregates do not depend on how the rows were made):
/// plans of 2026 and 2025, registrations (one candidate 按科目 with two subjects), results and issuance records over the
/// <see cref="CatalogTestData"/> catalogue, whose approved pilot applications (2021, 40 each) give 批准人数.
/// Columns not named get a neutral value (0 or empty text).
/// </summary>
public sealed class APassRateDataset
{
    public const int Plan2026 = 1001;
    public const int Plan2025 = 1002;

    public static CatalogTestData Seed(SqliteTestDb database)
    {
        var catalog = CatalogTestData.Seed(database);
        using var db = database.OpenAsSystem();
        db.Database.OpenConnection();
        var connection = db.Database.GetDbConnection();
        ForeignKeys(connection, on: false);
        Insert(connection, "ExamPlans", new() { ["Id"] = Plan2026, ["Year"] = 2026, ["OrganizationId"] = catalog.OrgWlId });
        Insert(connection, "ExamPlans", new() { ["Id"] = Plan2025, ["Year"] = 2025, ["OrganizationId"] = catalog.OrgWlId });

        var (a, b, c) = (catalog.SchoolAId, catalog.SchoolBId, catalog.SchoolCId);
        var mid = CertificateLevel.Intermediate;
        var junior = CertificateLevel.Junior;
        Registration(connection, Plan2026, 1, a, catalog.XxhId, mid, scheduled: true, subjectId: 1);
        Registration(connection, Plan2026, 1, a, catalog.XxhId, mid, scheduled: false, subjectId: 2);
        Registration(connection, Plan2026, 2, a, catalog.XxhId, mid, scheduled: true);
        Registration(connection, Plan2026, 3, a, catalog.XxhId, mid, scheduled: true);
        Registration(connection, Plan2026, 4, a, catalog.XxhId, mid, scheduled: false);
        Registration(connection, Plan2026, 5, b, catalog.XxhId, mid, scheduled: true);
        Registration(connection, Plan2025, 6, b, catalog.XxhId, junior, scheduled: true);
        Registration(connection, Plan2026, 7, a, catalog.JavaId, mid, scheduled: true);
        Registration(connection, Plan2026, 8, c, catalog.WebId, junior, scheduled: true);

        Result(connection, Plan2026, 1, a, catalog.XxhId, mid, "Passed");
        Result(connection, Plan2026, 2, a, catalog.XxhId, mid, "Passed");
        Result(connection, Plan2026, 3, a, catalog.XxhId, mid, "Failed");
        Result(connection, Plan2026, 5, b, catalog.XxhId, mid, "Passed");
        Result(connection, Plan2026, 7, a, catalog.JavaId, mid, "Passed");

        Issuance(connection, Plan2026, 1, a, catalog.XxhId, catalog.OrgWlId, mid, "Issued");
        Issuance(connection, Plan2026, 2, a, catalog.XxhId, catalog.OrgWlId, mid, "PendingIssue");
        Issuance(connection, Plan2026, 7, a, catalog.JavaId, catalog.OrgTeduId, mid, "Issued");
        ForeignKeys(connection, on: true);
        return catalog;
    }

    private static void Registration(DbConnection connection, int planId, int candidateId, int schoolId, int certificateId,
        CertificateLevel level, bool scheduled, int? subjectId = null) =>
        Insert(connection, "Registrations", new()
        {
            ["ExamPlanId"] = planId,
            ["CandidateId"] = candidateId,
            ["SchoolId"] = schoolId,
            ["CertificateId"] = certificateId,
            ["Level"] = level.ToString(),
            ["IsScheduled"] = scheduled ? 1 : 0,
            ["IsPaid"] = scheduled ? 1 : 0,
            ["SubjectId"] = subjectId,
        });

    private static void Result(DbConnection connection, int planId, int candidateId, int schoolId, int certificateId, CertificateLevel level, string status) =>
        Insert(connection, "CertificateResults", new()
        {
            ["ExamPlanId"] = planId,
            ["CandidateId"] = candidateId,
            ["SchoolId"] = schoolId,
            ["CertificateId"] = certificateId,
            ["Level"] = level.ToString(),
            ["Status"] = status,
        });

    private static void Issuance(DbConnection connection, int planId, int candidateId, int schoolId, int certificateId, int organizationId,
        CertificateLevel level, string status) =>
        Insert(connection, "IssuanceRecords", new()
        {
            ["ExamPlanId"] = planId,
            ["CandidateId"] = candidateId,
            ["CandidateSchoolId"] = schoolId,
            ["SiteSchoolId"] = schoolId,
            ["CertificateId"] = certificateId,
            ["OrganizationId"] = organizationId,
            ["Level"] = level.ToString(),
            ["Status"] = status,
            ["Year"] = planId == Plan2026 ? 2026 : 2025,
        });

    /// <summary>INSERT with the given values; other NOT NULL columns get 0, false or ''. Integers given for booleans become booleans.</summary>
    public static void Insert(DbConnection connection, string table, Dictionary<string, object?> values)
    {
        var postgres = connection is NpgsqlConnection;
        using (var info = connection.CreateCommand())
        {
            info.CommandText = postgres
                ? $"SELECT column_name, data_type, is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' FROM information_schema.columns WHERE table_name = '{table}'"
                : $"SELECT name, type, \"notnull\" = 1 AND pk = 0 AND dflt_value IS NULL FROM pragma_table_info('{table}')";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                var (name, type, required) = (reader.GetString(0), reader.GetString(1), reader.GetBoolean(2));
                if (type == "boolean" && values.TryGetValue(name, out var given) && given is int flag)
                {
                    values[name] = flag != 0;
                }
                else if (required && !values.ContainsKey(name))
                {
                    values[name] = type switch
                    {
                        "boolean" => false,
                        "integer" or "INTEGER" => 0,
                        "bigint" => 0L,
                        "numeric" => 0m,
                        "timestamp with time zone" => DateTimeOffset.UnixEpoch,
                        _ => "",
                    };
                }
            }
        }

        using var command = connection.CreateCommand();
        var names = values.Keys.ToList();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => $"@p{i}"))})";
        for (var i = 0; i < names.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[names[i]] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Foreign keys off while the hand-built rows (which name ids of rows not made) go in.</summary>
    private static void ForeignKeys(DbConnection connection, bool on) =>
        Exec(connection, connection is NpgsqlConnection
            ? $"SET session_replication_role = {(on ? "origin" : "replica")}"
            : $"PRAGMA foreign_keys = {(on ? "ON" : "OFF")}");

    private static void Exec(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
