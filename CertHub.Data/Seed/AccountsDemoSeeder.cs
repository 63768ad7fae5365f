using CertHub.Core.Accounts;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Data.Seed;

/// <summary>
/// 演示数据 of 用户管理 (8.1): the role 考务管理员 of 北京科技大学 (candidates, imports and registrations, not issuance) and its
/// sub-account <see cref="SubAccountUserName"/> (password <see cref="CatalogDemoSeeder.DemoPassword"/>). Runs after the
/// catalogue seed; checks by name, so a second run adds nothing.
/// </summary>
public sealed class AccountsDemoSeeder(CertHubContextBuilder contexts, UserManager<CertHubUser> users, TimeProvider clock) : IDemoSeeder
{
    public const string SubAccountUserName = "ustb-kw";
    public const string RoleName = "考务管理员";
    private const string SchoolCode = "4111010008";

    /// <summary>The demo sub-accounts, for the login page's table.</summary>
    public static readonly IReadOnlyList<DemoAccount> Accounts = [new(SubAccountUserName, "北科大考务管理员", UserRole.SchoolUser, SchoolCode)];

    /// <summary>What 考务管理员 may do: the catalogue and exam menus, candidates and registrations — not 证书发放.</summary>
    public static readonly IReadOnlyList<string> RolePermissions =
    [
        Permissions.Menu("/orgs"), Permissions.Menu("/schools"), Permissions.Menu("/standards/skills"), Permissions.Menu("/standards/sites"),
        Permissions.Menu("/certificates"), Permissions.Menu("/exams/candidates"), Permissions.Menu("/exams/registrations"),
        Permissions.Menu("/exams/sites"), Permissions.Menu("/imports"),
        Permissions.CandidateImport, Permissions.CandidateEdit, Permissions.RegistrationImport,
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = contexts.Create(FixedCurrentUser.System);
        var school = await db.Set<PilotSchool>().Where(s => s.Code == SchoolCode).Select(s => new { s.Id, s.ProvinceId }).FirstOrDefaultAsync(ct);
        if (school is null)
        {
            return;
        }

        var role = await db.Set<AccountRole>().FirstOrDefaultAsync(r => r.SchoolId == school.Id && r.Name == RoleName, ct);
        if (role is null)
        {
            role = AccountRole.Create(RoleName, "导入和维护考生、报考信息，不能签发证书", school.Id, null, RolePermissions, clock.GetUtcNow());
            db.Set<AccountRole>().Add(role);
            await db.SaveChangesAsync(ct);
        }

        if (await users.FindByNameAsync(SubAccountUserName) is not null)
        {
            return;
        }

        var account = Accounts[0];
        var user = new CertHubUser
        {
            UserName = account.UserName,
            DisplayName = account.DisplayName,
            Role = account.Role,
            SchoolId = school.Id,
            ProvinceId = school.ProvinceId,
            PhoneNumber = "13800138008",
            PhoneNumberConfirmed = true,
            AccountRoleId = role.Id,
            CreatedUtc = clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, CatalogDemoSeeder.DemoPassword));
        Check(await users.AddToRoleAsync(user, account.Role.ToString()));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {SubAccountUserName} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
