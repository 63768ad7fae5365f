using CertHub.Core.Accounts;
using CertHub.Core.Common;
using CertHub.Core.Ledger;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Catalog;

/// <summary>平台管理员 catalogue upkeep: provinces, schools, organisations, certificates, standards and org/province accounts.</summary>
public sealed class CatalogAdminService(
    ICertHubDbFactory dbFactory,
    ICurrentUser currentUser,
    IAccountAdmin accounts,
    IChangeFeed changes,
    LedgerService ledger,
    TimeProvider clock)
{
    public async Task<PagedResult<ProvinceListItem>> ProvincesAsync(PageRequest page, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<Province>().AsNoTracking().OrderBy(p => p.Code)
            .Select(p => new ProvinceListItem(p.Id, p.Code, p.Name, p.AuthorityName, p.ReportingCycle,
                db.Set<PilotSchool>().Count(s => s.ProvinceId == p.Id))
            { Version = p.RowVersion })
            .ToPagedAsync(page, ct);
    }

    public async Task<IReadOnlyList<CatalogOption>> ProvinceOptionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<Province>().AsNoTracking().OrderBy(p => p.Code).Select(p => new CatalogOption(p.Id, p.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<MajorItem>> MajorsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<Major>().AsNoTracking().OrderBy(m => m.Code)
            .Select(m => new MajorItem(m.Id, m.Code, m.Name, m.Level, m.Category)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<CatalogOption>> CertificateOptionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<Certificate>().AsNoTracking().OrderBy(c => c.Name).Select(c => new CatalogOption(c.Id, c.Name)).ToListAsync(ct);
    }

    public async Task<int> SaveProvinceAsync(ProvinceInput input, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        await using var db = await dbFactory.CreateAsync(ct);
        var code = input.Code?.Trim() ?? "";
        DomainRuleException.ThrowIf(await db.Set<Province>().AnyAsync(p => p.Code == code && p.Id != (input.Id ?? 0), ct), "省份代码已存在");
        var province = input.Id is int id ? await FindAsync<Province>(db, id, ct) : null;
        if (province is null)
        {
            province = Province.Create(input.Code!, input.Name, input.AuthorityName);
            db.Set<Province>().Add(province);
        }
        else
        {
            province.EnsureVersion(input.Version);
            province.Update(input.Code!, input.Name, input.AuthorityName);
        }

        province.SetReportingCycle(input.ReportingCycle);
        return await SaveAsync(db, province, CatalogTopics.Provinces, ct);
    }

    public async Task<int> SaveSchoolAsync(SchoolInput input, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        await using var db = await dbFactory.CreateAsync(ct);
        var code = input.Code?.Trim() ?? "";
        DomainRuleException.ThrowIf(await db.Set<PilotSchool>().AnyAsync(s => s.Code == code && s.Id != (input.Id ?? 0), ct), "院校代码已存在");
        DomainRuleException.ThrowIf(!await db.Set<Province>().AnyAsync(p => p.Id == input.ProvinceId, ct), "请选择所属省份");
        var school = input.Id is int id ? await FindAsync<PilotSchool>(db, id, ct) : null;
        if (school is null)
        {
            school = PilotSchool.Create(input.Name, code, input.ProvinceId, input.SchoolType);
            db.Set<PilotSchool>().Add(school);
        }
        else
        {
            school.EnsureVersion(input.Version);
            school.Rename(input.Name, code, input.SchoolType);
            school.MoveToProvince(input.ProvinceId);
        }

        return await SaveAsync(db, school, CatalogTopics.Schools, ct);
    }

    public async Task<int> SaveOrganizationAsync(OrganizationInput input, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        await using var db = await dbFactory.CreateAsync(ct);
        var code = (input.CreditCode ?? "").Trim().ToUpperInvariant();
        DomainRuleException.ThrowIf(await db.Set<Organization>().AnyAsync(o => o.CreditCode == code && o.Id != (input.Id ?? 0), ct), "统一社会信用代码已存在");
        var org = input.Id is int id ? await FindAsync<Organization>(db, id, ct) : null;
        if (org is null)
        {
            org = Organization.Create(input.Name, code);
            db.Set<Organization>().Add(org);
        }
        else
        {
            org.EnsureVersion(input.Version);
            org.Rename(input.Name, code);
        }

        org.UpdateDetails(input.ContactName, input.ContactPhone, input.Address, input.Website, input.Introduction);
        return await SaveAsync(db, org, CatalogTopics.Organizations, ct);
    }

    public async Task<int> SaveCertificateAsync(CertificateInput input, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        await using var db = await dbFactory.CreateAsync(ct);
        var code = input.Code?.Trim() ?? "";
        DomainRuleException.ThrowIf(await db.Set<Certificate>().AnyAsync(c => c.Code == code && c.Id != (input.Id ?? 0), ct), "证书代码已存在");
        DomainRuleException.ThrowIf(!await db.Set<Organization>().AnyAsync(o => o.Id == input.OrganizationId, ct), "请选择培训评价组织");
        var majorIds = input.MajorIds.Distinct().ToList();
        DomainRuleException.ThrowIf(await db.Set<Major>().CountAsync(m => majorIds.Contains(m.Id), ct) != majorIds.Count, "面向专业不存在");
        var certificate = input.Id is int id
            ? await db.Set<Certificate>().AsTracking().Include(c => c.Levels).Include(c => c.Majors).FirstOrDefaultAsync(c => c.Id == id, ct)
                ?? throw new DomainRuleException(CatalogAccess.NotFound)
            : null;
        if (certificate is null)
        {
            certificate = Certificate.Create(input.Name, code, input.OrganizationId, input.Levels, clock.GetUtcNow());
            db.Set<Certificate>().Add(certificate);
        }
        else
        {
            certificate.EnsureVersion(input.Version);
            DomainRuleException.ThrowIf(certificate.OrganizationId != input.OrganizationId, "证书的培训评价组织不能修改");
            certificate.SetLevels(input.Levels);
        }

        certificate.Update(input.Name, code, input.Description, input.Field);
        certificate.SetMajors(majorIds);
        if (input.Status == EnablementStatus.Enabled)
        {
            certificate.Enable();
        }
        else
        {
            certificate.Disable();
        }

        var savedId = await SaveAsync(db, certificate, CatalogTopics.Certificates, ct);

        // 上链: every publication or change of a catalogue certificate is appended to the ledger.
        await ledger.AppendAsync([(LedgerEntryKind.CertificatePublished, CertificateLedger.SubjectKey(savedId), CertificateLedger.Payload(certificate))], ct);
        return savedId;
    }

    /// <summary>The current values of a skill standard, for its edit dialog.</summary>
    public async Task<SkillStandardInput?> SkillStandardInputAsync(int id, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<SkillStandard>().AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SkillStandardInput(s.Id, s.CertificateId, s.Name, s.Code, s.Version, s.PublishedOn, s.Content, s.Status) { RowVersion = s.RowVersion })
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The current values of a site standard, for its edit dialog.</summary>
    public async Task<SiteStandardInput?> SiteStandardInputAsync(int id, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<SiteStandard>().AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SiteStandardInput(s.Id, s.CertificateId, s.Level, s.Name, s.Version, s.MinimumSeats, s.PublishedOn,
                s.VenueRequirements, s.EquipmentRequirements, s.Status)
            { RowVersion = s.RowVersion })
            .FirstOrDefaultAsync(ct);
    }

    public async Task<int> SaveSkillStandardAsync(SkillStandardInput input, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        await using var db = await dbFactory.CreateAsync(ct);
        DomainRuleException.ThrowIf(!await db.Set<Certificate>().AnyAsync(c => c.Id == input.CertificateId, ct), "请选择证书");
        var standard = input.Id is int id ? await FindAsync<SkillStandard>(db, id, ct) : null;
        if (standard is null)
        {
            standard = SkillStandard.Create(input.CertificateId, input.Name, input.Code, input.Version, input.PublishedOn, input.Content);
            db.Set<SkillStandard>().Add(standard);
        }
        else
        {
            standard.EnsureVersion(input.RowVersion);
            standard.Update(input.Name, input.Code, input.Version, input.PublishedOn, input.Content);
        }

        if (input.Status == EnablementStatus.Enabled)
        {
            standard.Enable();
        }
        else
        {
            standard.Disable();
        }

        return await SaveAsync(db, standard, CatalogTopics.Standards, ct);
    }

    public async Task<int> SaveSiteStandardAsync(SiteStandardInput input, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        await using var db = await dbFactory.CreateAsync(ct);
        DomainRuleException.ThrowIf(!await db.Set<Certificate>().AnyAsync(c => c.Id == input.CertificateId, ct), "请选择证书");
        var standard = input.Id is int id ? await FindAsync<SiteStandard>(db, id, ct) : null;
        if (standard is null)
        {
            standard = SiteStandard.Create(input.CertificateId, input.Level, input.Name, input.Version, input.MinimumSeats, input.PublishedOn,
                input.VenueRequirements, input.EquipmentRequirements);
            db.Set<SiteStandard>().Add(standard);
        }
        else
        {
            standard.EnsureVersion(input.RowVersion);
            standard.Update(input.Level, input.Name, input.Version, input.MinimumSeats, input.PublishedOn, input.VenueRequirements, input.EquipmentRequirements);
        }

        if (standard.Status != input.Status)
        {
            if (input.Status == EnablementStatus.Enabled)
            {
                standard.Enable();
            }
            else
            {
                standard.Disable();
            }
        }

        return await SaveAsync(db, standard, CatalogTopics.Standards, ct);
    }

    /// <summary>启用/停用 a site standard.</summary>
    public async Task SetSiteStandardStatusAsync(int id, EnablementStatus status, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        await using var db = await dbFactory.CreateAsync(ct);
        var standard = await FindAsync<SiteStandard>(db, id, ct) ?? throw new DomainRuleException(CatalogAccess.NotFound);
        if (status == EnablementStatus.Enabled)
        {
            standard.Enable();
        }
        else
        {
            standard.Disable();
        }

        await SaveAsync(db, standard, CatalogTopics.Standards, ct);
    }

    public Task<PagedResult<AccountListItem>> AccountsAsync(AccountFilter filter, PageRequest page, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        return accounts.ListAsync(filter, page, ct);
    }

    /// <summary>新增账号 for an organisation or a province (school accounts are created by the school or the seed).</summary>
    public async Task<string> CreateAccountAsync(NewAccount account, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            switch (account.Role)
            {
                case UserRole.OrgAdmin or UserRole.OrgUser:
                    DomainRuleException.ThrowIf(account.OrganizationId is not int orgId || !await db.Set<Organization>().AnyAsync(o => o.Id == orgId, ct), "请选择培训评价组织");
                    account = account with { SchoolId = null, ProvinceId = null };
                    break;
                case UserRole.ProvinceAdmin:
                    DomainRuleException.ThrowIf(account.ProvinceId is not int provinceId || !await db.Set<Province>().AnyAsync(p => p.Id == provinceId, ct), "请选择省份");
                    account = account with { SchoolId = null, OrganizationId = null };
                    break;
                default:
                    throw new DomainRuleException("平台管理员只能创建培训评价组织和省级教育行政部门的账号");
            }
        }

        var userId = await accounts.CreateAsync(account, ct);
        changes.Publish(new ChangeNotice(CatalogTopics.Accounts));
        return userId;
    }

    public async Task SetAccountDisabledAsync(string userId, bool disabled, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        await accounts.SetDisabledAsync(userId, disabled, ct);
        changes.Publish(new ChangeNotice(CatalogTopics.Accounts));
    }

    public Task UpdateAccountNameAsync(string userId, string displayName, CancellationToken ct) => UpdateAccountNameAsync(userId, displayName, null, ct);

    /// <summary>Renames an account as shown with <paramref name="version"/> (<see cref="AccountInfo.Version"/>): refused when it changed since.</summary>
    public async Task UpdateAccountNameAsync(string userId, string displayName, string? version, CancellationToken ct)
    {
        CatalogAccess.RequirePlatform(currentUser);
        await accounts.UpdateDisplayNameAsync(userId, displayName, version, ct);
        changes.Publish(new ChangeNotice(CatalogTopics.Accounts));
    }

    private static async Task<T?> FindAsync<T>(ICertHubDb db, int id, CancellationToken ct) where T : Entity =>
        await db.Set<T>().FirstOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainRuleException(CatalogAccess.NotFound);

    private async Task<int> SaveAsync(ICertHubDb db, Entity entity, string topic, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        changes.Publish(new ChangeNotice(topic));
        return entity.Id;
    }
}
