using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CertHub.Core.Accounts;
using CertHub.Core.Applications;
using CertHub.Core.Audit;
using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Imports;
using CertHub.Core.Issuance;
using CertHub.Core.Ledger;
using CertHub.Core.Reports;
using CertHub.Data;
using CertHub.Data.Identity;
using CertHub.Data.Seed;
using CertHub.Web.Accounts;
using CertHub.Web.Accounts.Sms;
using CertHub.Web.Api;
using CertHub.Web.Components;
using CertHub.Web.Documents.Excel;
using CertHub.Web.Imaging;
using CertHub.Web.Localization;
using CertHub.Web.Security;
using CertHub.Web.Startup;
using CertHub.Web.Storage;
using CertHub.Web.Workers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

var culture = CultureInfo.GetCultureInfo("zh-CN");
CultureInfo.DefaultThreadCurrentCulture = culture;
CultureInfo.DefaultThreadCurrentUICulture = culture;

var builder = WebApplication.CreateBuilder(args);
var services = builder.Services;

services.AddRazorComponents().AddInteractiveServerComponents();
services.AddMudServices();
services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
services.AddLocalization();
services.AddHttpContextAccessor();
services.AddSingleton(TimeProvider.System);

// Data, current user, live updates, files.
services.AddCertHubData(builder.Configuration, builder.Environment.ContentRootPath);
services.AddScoped<ICurrentUser, ClaimsCurrentUser>();
services.AddCertHubScaleOut(builder.Configuration); // issue 10: IChangeFeed (in process or Redis), SignalR backplane, shared data protection keys
services.AddSingleton<IFileStore, DiskFileStore>();
services.AddSingleton<IImageInspector, SkiaImageInspector>();
services.AddScoped<IDemoSeeder, CatalogDemoSeeder>();
services.AddScoped<IDemoSeeder, OperationsDemoSeeder>();
services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

// Catalogue (interim ports are replaced after the merge).
services.AddScoped<IPilotedCertificates, PilotedCertificates>();
services.AddScoped<LedgerService>();
services.AddScoped<ICertificateLedgerReader, CertificateLedgerReader>();
services.AddScoped<OrganizationQueries>();
services.AddScoped<SchoolService>();
services.AddScoped<StandardQueries>();
services.AddScoped<CertificateQueries>();
services.AddScoped<CatalogAdminService>();
services.AddScoped<IAccountAdmin, IdentityAccountAdmin>();

// Issuance pages: 数据看板 and 手机签名 sessions.
services.AddScoped<IIssuanceDashboard, IssuanceDashboard>();
services.AddScoped<PhoneSigningService>(); // issue 10 (task S): sessions in the database, shared by every instance
// Candidates (5.2.3) and import records.
services.AddSingleton<IIdentityVerifier, BuiltInIdentityVerifier>();
services.AddSingleton<IPhotoBackgroundCheck, SkiaPhotoBackgroundCheck>();
services.AddSingleton<ICandidateSheet, CandidateSheet>();
services.AddScoped<CandidateService>();
services.AddScoped<CandidateImportService>();
services.AddScoped<PhotoZipImport>();
services.AddScoped<ImportRecordQueries>();
// Issuance (the generation worker replaces the null queue with its own registration).
services.AddScoped<IIssuanceService, IssuanceService>();
services.TryAddSingleton<ICertificateGenerationQueue, NullCertificateGenerationQueue>();
// Weekly reports (6.1) and the audit log.
services.AddScoped<WeeklyReportService>();
services.AddScoped<AuditLogService>();
services.AddScoped<IAuditLog>(sp => sp.GetRequiredService<AuditLogService>());
// Applications (4.3 证书试点申报, 申报计划 and their review), 5.2.4 考核站点 and allocations, 5.2.11 监考人员.
services.AddSingleton<IRichTextSanitizer, CertHub.Web.RichText.HtmlRichTextSanitizer>();
services.AddScoped<ApplicationPlanService>();
services.AddScoped<PilotApplicationService>();
services.AddScoped<CertHub.Core.ExamSites.ExamSiteService>();
services.AddScoped<CertHub.Core.ExamSites.SiteAllocationService>();
services.AddScoped<CertHub.Core.Invigilators.InvigilatorService>();
services.AddSingleton<CertHub.Core.Invigilators.Import.IInvigilatorSheet, CertHub.Web.Documents.Excel.InvigilatorSheet>();
services.AddScoped<CertHub.Core.Invigilators.Import.InvigilatorImportService>();
// 5.2.5 考场管理 (rooms, 沿用, 批量导入考场信息).
services.AddScoped<CertHub.Core.Exams.ExamRoomService>();
services.AddSingleton<CertHub.Core.Exams.RoomImport.IExamRoomSheet, ExamRoomSheet>();
services.AddScoped<CertHub.Core.Exams.RoomImport.ExamRoomImportService>();
// 5.2.7 缴费管理.
services.AddScoped<CertHub.Core.Payments.PaymentService>();
// 5.2.8.2 考场编排 / 5.2.8.3 排考明细 and the exam-day documents (准考证, 门贴, 桌贴, 签到表).
services.AddScoped<CertHub.Core.Scheduling.ScheduleQueries>();
services.AddScoped<CertHub.Web.Documents.Pdf.ScheduleDocuments>();
// 5.2.1 考试科目 and 5.2.2 考试计划.
services.AddScoped<CertHub.Core.Exams.ExamSubjectService>();
services.AddScoped<CertHub.Core.Exams.ExamPlanService>();
// 5.2.8 排考管理: 考核站点编排 (automatic scheduler).
services.AddScoped<CertHub.Core.Scheduling.SchedulingService>();
// 5.2.6 报考管理 (registrations and their import).
services.AddSingleton<CertHub.Core.Registrations.Import.IRegistrationSheet, RegistrationSheet>();
services.AddScoped<CertHub.Core.Registrations.RegistrationService>();
services.AddScoped<CertHub.Core.Registrations.Import.RegistrationImportService>();

// 5.2.9 科目成绩 and 5.2.10 考证结果 (issue 8).
services.AddSingleton<CertHub.Core.Scores.Import.IScoreSheet, CertHub.Web.Documents.Excel.ScoreSheet>();
services.AddScoped<CertHub.Core.Scores.ScoreService>();
services.AddScoped<CertHub.Core.Scores.ResultService>();
// 考场签到 (issue 11): 签到码 signer, check-in service.
CertHub.Web.CheckIn.CheckInSetup.AddCertHubCheckIn(services, builder.Configuration);

// Accounts.
services.AddCascadingAuthenticationState();
services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Account/Login";
    options.LogoutPath = "/Account/Logout";
    options.AccessDeniedPath = "/Account/AccessDenied";
    options.Cookie.Name = "CertHub.Auth";
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    options.SlidingExpiration = true;
});
services.AddIdentityCore<CertHubUser>(options =>
    {
        options.Password.RequiredLength = 8;
        options.Password.RequireDigit = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireNonAlphanumeric = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<CertHubDbContext>()
    .AddSignInManager<CertHubSignInManager>()
    .AddDefaultTokenProviders()
    .AddClaimsPrincipalFactory<CertHubClaimsPrincipalFactory>();
services.AddCertHubAuthorization();
services.AddCertHubSecurity(builder.Environment); // cookies, HSTS, security headers (issue 10)
// 用户管理 (8.1): SMS verification, sub-accounts, roles and permissions, 个人中心, session revalidation.
services.AddCertHubSms(builder.Configuration, builder.Environment);
services.AddScoped<SmsVerification>();
services.AddScoped<UserManagementService>();
services.AddScoped<AccountRoleService>();
services.AddScoped<ProfileService>();
services.AddCertHubAccountSessions();
services.AddScoped<IDemoSeeder, AccountsDemoSeeder>();

// 证书通过率统计 (7.1).
services.AddScoped<CertHub.Core.Statistics.PassRateQueries>();
services.AddScoped<CertHub.Core.Statistics.PassRateStatisticsService>();

// 登录限流 / 查验限流 per client IP, shared through Redis when configured (issue 10, Security/RequestRateLimits.cs).
services.AddCertHubRequestRateLimits(builder.Configuration);

// Organisation API /api/v1 (X-Api-Key, rate limit per key, problem details, OpenAPI) and the 接口密钥 page's service.
services.AddOrganizationApi(builder.Configuration);
services.AddScoped<IDemoSeeder, ApiKeyDemoSeeder>();

// Certificate generation worker and public verification (last, so that its queue registration wins).
services.AddCertificateIssuing(builder.Configuration);

var app = builder.Build();

if (VerifyLedgerCommand.Matches(args))
{
    return await VerifyLedgerCommand.RunAsync(app.Services, Console.Out);
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseCertHubSecurityHeaders(); // CSP, X-Frame-Options, nosniff, Referrer-Policy, HSTS outside Development (issue 10)
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(culture),
    SupportedCultures = [culture],
    SupportedUICultures = [culture],
});
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMustChangePassword();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapPost("/Account/Logout", async (SignInManager<CertHubUser> signIn, [FromForm] string? returnUrl) =>
{
    await signIn.SignOutAsync();
    return TypedResults.LocalRedirect("~/Account/Login");
});
app.MapGet("/files/seals/{schoolId:int}", async (int schoolId, SchoolService schools, IFileStore files, CancellationToken ct) =>
    await FileResults.ImageAsync(files, await schools.GetSealPathAsync(schoolId, ct), ct)).RequireAuthorization(Policies.SignedIn);
app.MapGet("/files/signatures/{**path}", async (string path, IFileStore files, CancellationToken ct) =>
{
    // 签名图片 of the issuance history: only files under signatures/, never a path that climbs out of it.
    var relative = "signatures/" + path;
    if (string.IsNullOrWhiteSpace(path) || path.Split('/', '\\').Any(segment => segment is "" or "." or ".."))
    {
        return Results.NotFound();
    }

    return await FileResults.ImageAsync(files, relative, ct);
}).RequireAuthorization(Policies.SignedIn);
app.MapCandidateFiles();
app.MapExamRoomFiles(); // 5.2.5 考场信息 template
app.MapRegistrationFiles(); // 5.2.6 报考导入模板
app.MapOrganizationApi();
app.MapScoreFiles(); // 科目成绩导入模板 (issue 8)
app.MapGet("/files/reports/{id:int}/scan", async (int id, WeeklyReportService reports, IFileStore files, CancellationToken ct) =>
{
    // 签名盖章的扫描件 of a report the caller may see (the service's tenancy filter decides).
    var path = await reports.GetScanPathAsync(id, ct);
    var stream = path is null ? null : await files.OpenReadAsync(path, ct);
    return stream is null ? Results.NotFound() : Results.File(stream, "application/pdf", Path.GetFileName(path));
}).RequireAuthorization(Policies.SchoolProvincePlatform);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await DatabaseStartup.InitializeAsync(app.Services, app.Environment);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
