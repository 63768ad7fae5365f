using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using CertHub.Core.Accounts;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Data;
using CertHub.Data.Identity;
using CertHub.Data.Seed;
using CertHub.Web.Accounts;
using CertHub.Core.Applications;
using CertHub.Core.Issuance;
using CertHub.Core.Ledger;
using CertHub.Web.Components;
using CertHub.Web.Imaging;
using CertHub.Web.Live;
using CertHub.Web.Localization;
using CertHub.Web.Startup;
using CertHub.Web.Storage;
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
services.AddSingleton<IChangeFeed, InProcessChangeFeed>();
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

// Issuance (the generation worker replaces the null queue with its own registration).
services.AddScoped<IIssuanceService, IssuanceService>();
services.TryAddSingleton<ICertificateGenerationQueue, NullCertificateGenerationQueue>();

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
    .AddSignInManager()
    .AddDefaultTokenProviders()
    .AddClaimsPrincipalFactory<CertHubClaimsPrincipalFactory>();
services.AddCertHubAuthorization();

// 登录限流: the login POST, per client IP.
var loginPermits = builder.Configuration.GetValue("Security:LoginAttemptsPerMinute", 10);
services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    options.OnRejected = async (context, ct) =>
    {
        context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
        await context.HttpContext.Response.WriteAsync("登录尝试过于频繁，请1分钟后再试", ct);
    };
    options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = loginPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("other"));
});

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

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
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/healthz").AllowAnonymous();
app.MapPost("/Account/Logout", async (SignInManager<CertHubUser> signIn, [FromForm] string? returnUrl) =>
{
    await signIn.SignOutAsync();
    return TypedResults.LocalRedirect("~/Account/Login");
});
app.MapGet("/files/seals/{schoolId:int}", async (int schoolId, SchoolService schools, IFileStore files, CancellationToken ct) =>
{
    var path = await schools.GetSealPathAsync(schoolId, ct);
    var stream = path is null ? null : await files.OpenReadAsync(path, ct);
    return stream is null
        ? Results.NotFound()
        : Results.Stream(stream, path!.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg");
}).RequireAuthorization(Policies.SignedIn);
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await DatabaseStartup.InitializeAsync(app.Services, app.Environment);
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
