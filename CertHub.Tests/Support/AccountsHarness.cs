using CertHub.Core.Accounts;
using CertHub.Core.Audit;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Data;
using CertHub.Data.Identity;
using CertHub.Web.Accounts;
using CertHub.Web.Accounts.Sms;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Support;

/// <summary>
/// The account services over real ASP.NET Core Identity on an in-memory SQLite database with the small catalogue:
/// act as any user with <see cref="As"/>; SMS texts land in <see cref="Outbox"/>; the clock is fake.
/// </summary>
public sealed class AccountsHarness : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _root;

    public AccountsHarness()
    {
        Catalog = CatalogTestData.Seed(Database);
        Outbox = new SmsOutbox(Clock, NullLogger<SmsOutbox>.Instance);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpContextAccessor();
        services.AddAuthentication();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ISmsSender>(Outbox);
        services.AddScoped(_ => Database.OpenAsSystem());
        services.AddIdentityCore<CertHubUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CertHubDbContext>()
            .AddSignInManager<CertHubSignInManager>();
        _root = services.BuildServiceProvider();
        using var scope = _root.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Enum.GetNames<UserRole>())
        {
            roles.CreateAsync(new IdentityRole(role)).GetAwaiter().GetResult();
        }
    }

    public SqliteTestDb Database { get; } = new();

    public CatalogTestData Catalog { get; }

    public FakeTimeProvider Clock { get; } = new(Now);

    public SmsOutbox Outbox { get; }

    public FixedCurrentUser SchoolAAdmin => new(UserRole.SchoolAdmin, SchoolId: Catalog.SchoolAId, ProvinceId: Catalog.BeijingId, UserName: "ustb", DisplayName: "北京科技大学", UserId: "admin-a");

    public FixedCurrentUser SchoolBAdmin => new(UserRole.SchoolAdmin, SchoolId: Catalog.SchoolBId, ProvinceId: Catalog.BeijingId, UserName: "ncut", DisplayName: "北方工业大学", UserId: "admin-b");

    public FixedCurrentUser OrgAdmin => new(UserRole.OrgAdmin, OrganizationId: Catalog.OrgWlId, UserName: "wl", DisplayName: "中物联", UserId: "admin-wl");

    public static FixedCurrentUser Platform => new(UserRole.PlatformAdmin, UserName: "admin", DisplayName: "平台管理员", UserId: "admin-p");

    /// <summary>The services as <paramref name="user"/> sees them.</summary>
    public Actor As(ICurrentUser user)
    {
        var scope = _root.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CertHubUser>>();
        var factory = Database.FactoryFor(user);
        var accounts = new IdentityAccountAdmin(users, factory, Clock);
        var audit = new AuditLogService(factory, user, Clock);
        var sms = new SmsVerification(factory, Outbox, user, Clock);
        return new Actor(scope, users, scope.ServiceProvider.GetRequiredService<SignInManager<CertHubUser>>(), accounts, sms,
            new UserManagementService(accounts, factory, new SchoolCertificates(Database), sms, audit, user),
            new AccountRoleService(factory, accounts, audit, user, Clock),
            new ProfileService(accounts, sms, audit, user));
    }

    /// <summary>The code of the latest text sent to <paramref name="phone"/>.</summary>
    public string LatestCode(string phone)
    {
        var text = Outbox.Messages.First(m => m.Phone == phone).Text;
        return System.Text.RegularExpressions.Regex.Match(text, @"验证码为(\d{6})").Groups[1].Value;
    }

    /// <summary>A role of school A (or of the given tenant) granting <paramref name="permissions"/>.</summary>
    public async Task<int> RoleAsync(ICurrentUser admin, string name, params string[] permissions) =>
        await As(admin).Roles.CreateAsync(new AccountRoleInput(name, null, permissions), CancellationToken.None);

    /// <summary>Creates a sub-account through the service (with a fresh code); moves the clock past the send interval first.</summary>
    public async Task<(string UserId, GeneratedPassword Password)> CreateUserAsync(ICurrentUser admin, string userName, string phone, int roleId,
        bool owner = false, IReadOnlyList<int>? certificates = null, SubAccountTenant? tenant = null)
    {
        Clock.Advance(TimeSpan.FromMinutes(2));
        var actor = As(admin);
        await actor.Users.SendNewAccountCodeAsync(phone, CancellationToken.None);
        var password = await actor.Users.CreateAsync(new NewUserInput(userName, "张老师", phone, LatestCode(phone), roleId, owner, certificates ?? [], tenant), CancellationToken.None);
        var user = await actor.UserManager.FindByNameAsync(userName);
        return (user!.Id, password);
    }

    public void Dispose()
    {
        _root.Dispose();
        Database.Dispose();
    }

    public sealed record Actor(IServiceScope Scope, UserManager<CertHubUser> UserManager, SignInManager<CertHubUser> SignIn, IdentityAccountAdmin Accounts,
        SmsVerification Sms, UserManagementService Users, AccountRoleService Roles, ProfileService Profile);

    /// <summary>Piloted certificates: school A pilots 信息化应用 and JAVA (its 试点证书负责人 rows).</summary>
    private sealed class SchoolCertificates(SqliteTestDb database) : IPilotedCertificates
    {
        public Task<IReadOnlyList<int>> CertificateIdsForSchoolAsync(int schoolId, CancellationToken ct)
        {
            using var db = database.OpenAsSystem();
            IReadOnlyList<int> ids = [.. db.Set<SchoolCertificateContact>().Where(c => c.SchoolId == schoolId).Select(c => c.CertificateId).Distinct()];
            return Task.FromResult(ids);
        }
    }
}
