using System.Globalization;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Invigilators;
using CertHub.Core.Payments;
using CertHub.Core.Registrations;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Tests.Support.Builders;

/// <summary>
/// An <see cref="ExamChainSeed"/> ready for scheduling: a plan (排考时间 Day 10-15) with a junior room of 30 seats at the
/// school's site and two junior subjects (Day 16, 08:00 and 10:00), two certified invigilators of the other school, and
/// <see cref="Register"/> to add (paid) registrations 按证书 that sit both subjects.
/// </summary>
public sealed class SchedulingScenario
{
    private readonly SqliteTestDb _db;
    private int _idSequence;

    private SchedulingScenario(SqliteTestDb db)
    {
        _db = db;
        Catalog = IssuanceCatalogSeed.SaveIn(db);
        Chain = ExamChainSeed.SaveIn(db, Catalog, Catalog.SchoolId);
        SaveCertifiedInvigilators(Catalog.OtherSchoolId, 2);
    }

    public IssuanceCatalogSeed Catalog { get; }

    public ExamChainSeed Chain { get; }

    public static SchedulingScenario SaveIn(SqliteTestDb db) => new(db);

    /// <summary>Registers <paramref name="count"/> new candidates of the school (junior) and pays them when asked.</summary>
    public List<int> Register(int count, bool paid = true)
    {
        var registrations = Enumerable.Range(0, count)
            .Select(_ => Chain.SaveRegistration(_db, ExamChainSeed.SaveCandidate(_db, Catalog.SchoolId, NextIdNumber())).Id).ToList();
        if (paid)
        {
            using var context = _db.OpenAsSystem();
            var tracked = context.Set<Registration>().Where(r => registrations.Contains(r.Id)).ToList();
            var request = PaymentRequest.Create(PaymentRequest.NewRequestNo(ADomain.Day(3), _idSequence), Catalog.OrganizationId, tracked, 180m, ADomain.Actor, ADomain.Day(3));
            context.Add(request);
            context.SaveChanges();
            request.Confirm("组织管理员", ADomain.Day(4));
            tracked.ForEach(r => r.MarkPaid(request.Id));
            context.SaveChanges();
        }

        return registrations;
    }

    /// <summary>Adds a second junior room (第二考场) of <paramref name="seats"/> seats for both subjects at the same site; returns its id.</summary>
    public int SaveSecondRoom(int seats = 30)
    {
        using var context = _db.OpenAsSystem();
        var plan = context.Set<ExamPlan>().Include(p => p.Subjects).Include(p => p.Certificates).Include(p => p.Schools).Single(p => p.Id == Chain.ExamPlanId);
        var site = context.Set<ExamSite>().Include(s => s.Levels).Single(s => s.Id == Chain.ExamSiteId);
        var subjects = context.Set<ExamSubject>().Where(s => s.Id == Chain.SubjectId || s.Id == Chain.OtherSubjectId).OrderBy(s => s.Id).ToList();
        var room = ExamRoom.Create(plan, site, CertificateLevel.Junior, subjects, "第二考场", "主楼302", seats, ADomain.Day(2));
        context.Add(room);
        context.SaveChanges();
        return room.Id;
    }

    public void SaveCertifiedInvigilators(int schoolId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var id = ExamChainSeed.SaveInvigilator(_db, schoolId);
            using var context = _db.OpenAsSystem();
            context.Add(ADomain.Certification(CertificationStatus.Certified, id, Catalog.CertificateId, Catalog.OrganizationId));
            context.SaveChanges();
        }
    }

    private string NextIdNumber()
    {
        var first17 = "11010119900307" + (++_idSequence).ToString("D3", CultureInfo.InvariantCulture);
        return first17 + IdNumber.CheckCharacter(first17);
    }
}
