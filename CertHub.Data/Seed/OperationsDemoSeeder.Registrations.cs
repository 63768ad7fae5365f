using CertHub.Core.Candidates;
using CertHub.Core.Exams;
using CertHub.Core.Payments;
using CertHub.Core.Registrations;

namespace CertHub.Data.Seed;

public sealed partial class OperationsDemoSeeder
{
    /// <summary>报考: each school's eligible candidates (院校考生 of an allowed major, and 社会考生) for each certificate level it examines.</summary>
    private static async Task SeedRegistrationsAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        for (var p = 0; p < state.Plans.Count; p++)
        {
            var seeded = state.Plans[p];
            if (!seeded.IsAtLeast(ExamPlanStage.Registration))
            {
                continue;
            }

            var plan = seeded.Plan;
            var at = plan.RegistrationStartUtc.AddDays(1);
            var levelIndex = 0;
            foreach (var entry in plan.Certificates)
            {
                var certificate = state.Certificate(entry.CertificateId);
                foreach (var schoolId in plan.Schools.Select(s => s.SchoolId))
                {
                    if (state.SiteFor(schoolId, entry.CertificateId, entry.Level) is null)
                    {
                        continue;
                    }

                    var eligible = state.CandidatesBySchool[schoolId]
                        .Where(c => c.CandidateType == CandidateType.PublicCandidate || c.MajorId is { } m && certificate.AllowsMajor(m)).ToList();
                    var offset = (p * 3 + levelIndex * seeded.PerSchool) % eligible.Count;
                    foreach (var candidate in eligible.Skip(offset).Concat(eligible.Take(offset)).Take(seeded.PerSchool))
                    {
                        var major = state.Majors.Values.FirstOrDefault(m => m.Id == candidate.MajorId)?.Name;
                        List<ExamSubject?> subjects = plan.RegistrationMode == RegistrationMode.BySubject
                            ? [.. state.SubjectsOf(entry.CertificateId, entry.Level).Where(s => s.IsOpenTo(candidate.CandidateType))]
                            : [null];
                        foreach (var subject in subjects)
                        {
                            seeded.Registrations.Add(Registration.Create(plan, candidate, entry.CertificateId, entry.Level, subject, major, at.AddMinutes(seeded.Registrations.Count)));
                        }
                    }
                }

                levelIndex++;
            }

            db.AddRange(seeded.Registrations);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// 缴费申请单 per school, plan, certificate level (and subject): while registration is open some are 未确认 and a few
    /// registrations have none yet; in 排考中 one is still 未确认; later all are 已确认 (confirming marks the registrations paid).
    /// </summary>
    private static async Task SeedPaymentsAsync(CertHubDbContext db, SeedState state, CancellationToken ct)
    {
        var sequence = 1;
        var toConfirm = new List<(PaymentRequest Request, List<Registration> Registrations, DateTimeOffset At, string Actor)>();
        foreach (var seeded in state.Plans.Where(p => p.Registrations.Count > 0))
        {
            var plan = seeded.Plan;
            var organization = state.Organizations[plan.OrganizationId];
            var groups = seeded.Registrations.GroupBy(r => (r.SchoolId, r.CertificateId, r.Level, r.SubjectId)).ToList();
            for (var g = 0; g < groups.Count; g++)
            {
                var registrations = groups[g].ToList();
                if (seeded.Stage == ExamPlanStage.Registration)
                {
                    registrations = registrations.SkipLast(2).ToList();
                }

                if (registrations.Count == 0)
                {
                    continue;
                }

                var created = plan.RegistrationStartUtc.AddDays(2).AddMinutes(g);
                var key = groups[g].Key;
                var request = PaymentRequest.Create(PaymentRequest.NewRequestNo(created, sequence++), plan.OrganizationId, registrations,
                    plan.FeeFor(key.CertificateId, key.Level, key.SubjectId), state.Contacts.GetValueOrDefault(key.SchoolId, "管理员"), created);
                db.Add(request);
                var unconfirmed = seeded.Stage == ExamPlanStage.Registration ? g % 2 == 1 : seeded.Stage == ExamPlanStage.Scheduling && g == groups.Count - 1;
                if (!unconfirmed)
                {
                    toConfirm.Add((request, registrations, created.AddDays(1), organization.ContactName ?? organization.Name));
                }
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var (request, registrations, at, actor) in toConfirm)
        {
            request.Confirm(actor, Past(state, at));
            foreach (var registration in registrations)
            {
                registration.MarkPaid(request.Id);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
