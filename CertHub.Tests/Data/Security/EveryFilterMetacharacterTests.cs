using System.Collections;
using System.Reflection;
using CertHub.Core.Applications;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Imaging;
using CertHub.Web.RichText;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CertHub.Tests.Data.Security;

/// <summary>
/// SQL and LIKE metacharacters in EVERY list filter, found by reflection: each public Core method that takes a <c>*Filter</c> record
/// and a <see cref="PageRequest"/> is called with each text field of its filter set to a hostile value, on real SQLite holding a
/// catalogue (schools, organisations, certificates) as the platform administrator, a school account and an organisation account (whose tenancy filters add their own predicates). Nothing may throw (a Chinese
/// <see cref="DomainRuleException"/> refusal is allowed) and nothing may match: no wildcard, no injected OR, no error.
/// </summary>
public sealed class EveryFilterMetacharacterTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Hostile =
    [
        "' OR 1=1 --", "\" OR \"\"=\"", "%", "_", "\\", "%%", "[a-z]%", "\"; DROP TABLE Candidates; --", "'; DELETE FROM Schools; --",
        "🙂𝒳\u202e\u0000", new string('%', 2_000), new string('x', 2_000),
    ];

    /// <summary>Lists every signed-in account reads whole by design (DESIGN 4.1: the 证书 catalogue), left out of the tenant check.</summary>
    private static readonly HashSet<string> SharedCatalogues = [nameof(CertificateQueries)];

    private const string OtherOrganizationName = "达内教育";
    private const string OtherCertificateCode = "1+X-JAVA";
    private const string OtherSubjectCode = "KM101";

    private static readonly System.Text.Json.JsonSerializerOptions RowJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles,
    };

    private readonly SqliteTestDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task EveryListFilter_Should_MatchNothingAndNeverFail_When_ATextFieldHoldsMetacharacters()
    {
        await ACatalogSeed.SeedAsync(_db);
        await RunAsync(FixedCurrentUser.System with { Role = UserRole.PlatformAdmin }, null, [], minimumQueried: 100);
    }

    /// <summary>As a school account the tenancy filters add their own predicates: the same calls over rows of two schools and two organisations.</summary>
    [Fact]
    public async Task EveryListFilter_Should_MatchNothingAndNeverFail_When_ASchoolAccountFiltersWithMetacharacters()
    {
        var (catalog, otherCandidateNo) = await SeedTwoTenantsAsync();
        await RunAsync(new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: catalog.School.Id, ProvinceId: catalog.Province.Id, UserName: "bjtu", DisplayName: "北京交通大学"),
            catalog.School.Name, [catalog.OtherSchool.Name, otherCandidateNo, ADomain.OtherValidIdNumber],
            minimumQueried: 50);
    }

    /// <summary>As an organisation account (its tenancy filter on OrganizationId), over the same rows of two tenants of each kind.</summary>
    [Fact]
    public async Task EveryListFilter_Should_MatchNothingAndNeverFail_When_AnOrganisationAccountFiltersWithMetacharacters()
    {
        var (catalog, _) = await SeedTwoTenantsAsync();
        await RunAsync(new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: catalog.Organization.Id, UserName: "wl", DisplayName: "中物联物流"),
            catalog.Organization.Name, [OtherOrganizationName, OtherCertificateCode, OtherSubjectCode],
            minimumQueried: 50);
    }

    /// <summary>
    /// Calls every list method with each text field of its filter set to each hostile value: nothing may throw (a Chinese refusal is
    /// allowed) and nothing may match. Without a text filter, the rows a tenant account gets must all be its own (no other school's or
    /// organisation's row through a list), so the seeded rows of the other tenants are really there to leak.
    /// </summary>
    private async Task RunAsync(FixedCurrentUser user, string? ownTenantName, string[] foreign, int minimumQueried)
    {
        await using var provider = Services(user);
        var methods = ListMethods().ToList();
        var ran = new List<string>();
        var failures = new List<string>();
        var ownRowsSeen = 0;

        foreach (var method in methods)
        {
            object service;
            try
            {
                service = ActivatorUtilities.CreateInstance(provider, method.DeclaringType!);
            }
            catch (InvalidOperationException ex)
            {
                failures.Add($"{method.DeclaringType!.Name}: cannot be built for the test ({ex.Message})");
                continue;
            }

            var filterType = method.GetParameters().First(p => p.ParameterType.Name.EndsWith("Filter", StringComparison.Ordinal)).ParameterType;
            ownRowsSeen += await CheckTenantOfUnfilteredRowsAsync(service, method, filterType, user, ownTenantName, foreign, failures);
            foreach (var field in TextFields(filterType))
            {
                foreach (var hostile in Hostile)
                {
                    var label = $"{method.DeclaringType!.Name}.{method.Name}({filterType.Name}.{field.Name} = {Short(hostile)})";
                    try
                    {
                        var count = (await InvokeAsync(service, method, Filter(filterType, field, hostile))).Count;
                        if (count != 0)
                        {
                            failures.Add($"{label}: {count} rows");
                        }

                        ran.Add(label);
                    }
                    catch (DomainRuleException)
                    {
                        ran.Add(label + " refused");
                    }
                    catch (Exception ex)
                    {
                        failures.Add($"{label}: {ex.GetType().Name} {ex.Message}");
                    }
                }
            }
        }

        output.WriteLine($"{user.Role}: {methods.Count} list methods, {ran.Count} calls ({ran.Count(r => r.EndsWith(" refused", StringComparison.Ordinal))} refused by a rule), {ownRowsSeen} rows listed unfiltered (checked for other tenants)");
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }

        Assert.Empty(failures);
        Assert.True(methods.Count >= 10, $"only {methods.Count} list methods found");
        Assert.True(ran.Count(r => !r.EndsWith(" refused", StringComparison.Ordinal)) >= minimumQueried, "too few filter calls actually queried the database");
        if (user.Role is UserRole.SchoolAdmin or UserRole.OrgAdmin)
        {
            Assert.True(ownRowsSeen > 0, "the tenant account listed no rows: the tenant check proved nothing");
        }
    }

    /// <summary>
    /// The method without any text filter: every row carrying the account's tenant (SchoolId/SchoolName for a school,
    /// OrganizationId/OrganizationName for an organisation) must carry the account's own. Returns how many such rows were checked.
    /// </summary>
    private static async Task<int> CheckTenantOfUnfilteredRowsAsync(object service, MethodInfo method, Type filterType, FixedCurrentUser user, string? ownName, string[] foreign, List<string> failures)
    {
        var (key, own) = user.Role switch
        {
            UserRole.SchoolAdmin => ("School", user.SchoolId),
            UserRole.OrgAdmin => ("Organization", user.OrganizationId),
            _ => ("", null),
        };
        if (own is null || ownName is null || SharedCatalogues.Contains(method.DeclaringType!.Name))
        {
            return 0;
        }

        IReadOnlyList<object> rows;
        try
        {
            rows = await InvokeAsync(service, method, Filter(filterType, null, null));
        }
        catch (DomainRuleException)
        {
            return 0;
        }
        catch (Exception ex)
        {
            failures.Add($"{method.DeclaringType!.Name}.{method.Name}(no filter): {ex.GetType().Name} {ex.Message}");
            return 0;
        }

        var checkedRows = 0;
        foreach (var row in rows)
        {
            var json = System.Text.Json.JsonSerializer.Serialize(row, row.GetType(), RowJson);
            if (foreign.FirstOrDefault(f => json.Contains(f, StringComparison.Ordinal)) is { } leaked)
            {
                failures.Add($"{method.DeclaringType!.Name}.{method.Name}(no filter): a row of another tenant ({leaked}) listed to {ownName}: {json}");
            }

            var id = row.GetType().GetProperty(key + "Id")?.GetValue(row);
            var name = row.GetType().GetProperty(key + "Name")?.GetValue(row);
            checkedRows++;
            if (id is int || name is string)
            {
                if ((id is int tenant && tenant != own) || (name is string tenantName && tenantName != ownName))
                {
                    failures.Add($"{method.DeclaringType!.Name}.{method.Name}(no filter): a row of {key} {id ?? name} listed to {ownName}");
                }
            }
        }

        return checkedRows;
    }

    /// <summary>
    /// The catalogue plus rows of two schools and two organisations: each school a candidate and an approved site, each organisation
    /// a certificate, a subject and a published plan.
    /// </summary>
    private async Task<(ACatalog Catalog, string OtherCandidateNo)> SeedTwoTenantsAsync()
    {
        var catalog = await ACatalogSeed.SeedAsync(_db);
        Organization otherOrganization;
        Certificate otherCertificate;
        await using (var ctx = _db.OpenAsSystem())
        {
            otherOrganization = Organization.Create(OtherOrganizationName, "91110108MA01TD002K");
            ctx.Add(otherOrganization);
            await ctx.SaveChangesAsync();
            otherCertificate = Certificate.Create("JAVA应用开发职业技能等级证书", OtherCertificateCode, otherOrganization.Id, [CertificateLevel.Junior], ADomain.T0);
            ctx.Add(otherCertificate);
            await ctx.SaveChangesAsync();
        }

        var other = catalog with { Organization = otherOrganization, Certificate = otherCertificate };
        await ACatalogSeed.SeedPlanAsync(_db, catalog, await ACatalogSeed.SeedSubjectAsync(_db, catalog));
        await ACatalogSeed.SeedPlanAsync(_db, other, await ACatalogSeed.SeedSubjectAsync(_db, other, OtherSubjectCode));
        await ACatalogSeed.SeedApprovedSiteAsync(_db, catalog);
        await ACatalogSeed.SeedApprovedSiteAsync(_db, catalog with { School = catalog.OtherSchool });
        await ACatalogSeed.SeedCandidateAsync(_db, catalog);
        var otherCandidate = await ACatalogSeed.SeedCandidateAsync(_db, catalog with { School = catalog.OtherSchool }, ADomain.OtherValidIdNumber, sequence: 2);
        return (catalog, otherCandidate.CandidateNo);
    }

    /// <summary>Public instance methods of Core types taking a *Filter record and a PageRequest (the list services behind the pages).</summary>
    private static IEnumerable<MethodInfo> ListMethods() =>
        typeof(CandidateService).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true })
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType)
                && m.GetParameters().Any(p => p.ParameterType.Name.EndsWith("Filter", StringComparison.Ordinal) && TextFields(p.ParameterType).Any())
                && m.GetParameters().Any(p => p.ParameterType == typeof(PageRequest)))
            .OrderBy(m => m.DeclaringType!.FullName).ThenBy(m => m.Name);

    private static IEnumerable<ParameterInfo> TextFields(Type filter) =>
        filter.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters().Where(p => p.ParameterType == typeof(string));

    private static object Filter(Type filter, ParameterInfo? field, string? value)
    {
        var ctor = filter.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p => field is not null && p.Name == field.Name ? value
            : p.HasDefaultValue ? p.DefaultValue
            : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        return ctor.Invoke(args);
    }

    private static async Task<IReadOnlyList<object>> InvokeAsync(object service, MethodInfo method, object filter)
    {
        var args = method.GetParameters().Select(p =>
            p.ParameterType == filter.GetType() ? filter
            : p.ParameterType == typeof(PageRequest) ? new PageRequest(1, 50)
            : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : p.HasDefaultValue ? p.DefaultValue
            : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        Task task;
        try
        {
            task = (Task)method.Invoke(service, args)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            // A method that is not async refuses synchronously (e.g. 仅平台管理员可以执行此操作): the same outcome as a faulted task.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        await task;
        var result = task.GetType().GetProperty("Result")!.GetValue(task);
        var items = result?.GetType().GetProperty("Items")?.GetValue(result) ?? result;
        return items is IEnumerable list ? list.Cast<object>().ToList() : [];
    }

    private ServiceProvider Services(ICurrentUser user)
    {
        var clock = new FakeTimeProvider(ADomain.Day(2));
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(user);
        services.AddSingleton(_db.FactoryFor(user));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IFileStore, MemoryFileStore>();
        services.AddSingleton<IImageInspector, SkiaImageInspector>();
        services.AddSingleton<IChangeFeed, RecordingChangeFeed>();
        services.AddSingleton<IIdentityVerifier>(new BuiltInIdentityVerifier(clock));
        services.AddSingleton<IRichTextSanitizer, HtmlRichTextSanitizer>();
        services.AddSingleton<IPilotedCertificates>(sp => new PilotedCertificates(_db.FactoryFor(user)));
        services.AddSingleton<CertHub.Core.Accounts.IAccountAdmin, NoAccounts>();
        services.AddSingleton<CertHub.Core.Ledger.LedgerService>();
        services.AddSingleton<ICertificateLedgerReader, CertHub.Core.Ledger.CertificateLedgerReader>();
        services.AddSingleton<CertHub.Core.Issuance.ICertificateGenerationQueue, CertHub.Core.Issuance.NullCertificateGenerationQueue>();
        services.AddSingleton<CertHub.Core.Audit.IAuditLog, CertHub.Core.Audit.AuditLogService>();
        services.AddSingleton<CertHub.Core.Scores.Import.IScoreSheet, CertHub.Web.Documents.Excel.ScoreSheet>();
        services.AddSingleton<CertHub.Core.Accounts.ISmsSender>(new CertHub.Web.Accounts.Sms.SmsOutbox(clock, NullLogger<CertHub.Web.Accounts.Sms.SmsOutbox>.Instance));
        services.AddSingleton<CertHub.Core.Accounts.SmsVerification>();
        return services.BuildServiceProvider();
    }

    private static string Short(string value) => value.Length > 20 ? $"{value[..5]}…({value.Length} chars)" : value;
}
