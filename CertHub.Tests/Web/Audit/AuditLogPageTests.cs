using Bunit;
using CertHub.Core.Audit;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Audit;

public sealed class AuditLogPageTests
{
    [Fact]
    public async Task Page_Should_ListOnlyTheTenantsEntries_When_SchoolAdmin()
    {
        await using var ctx = new BunitContext();
        var db = new SqliteTestDb();
        var data = CatalogTestData.Seed(db);
        await using (var arrange = db.OpenAsSystem())
        {
            await arrange.Set<AuditEntry>().ExecuteDeleteAsync();
        }

        var now = DateTimeOffset.UtcNow;
        var system = new AuditLogService(db.FactoryFor(FixedCurrentUser.System), FixedCurrentUser.System, TimeProvider.System);
        await system.AppendAsync(AuditEntry.Create(now, "ustb", null, AuditNames.Account, "ustb", AuditNames.Login, schoolId: data.SchoolAId), default);
        await system.AppendAsync(AuditEntry.Create(now, "ustb", null, AuditNames.Account, "ustb", AuditNames.LoginFailed, detail: "密码错误", schoolId: data.SchoolAId), default);
        await system.AppendAsync(AuditEntry.Create(now, "ncut", null, AuditNames.Account, "ncut", AuditNames.Login, schoolId: data.SchoolBId), default);
        ctx.Services.AddSingleton(_ => db);
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(new AuditLogService(db.FactoryFor(data.SchoolA), data.SchoolA, TimeProvider.System));

        var cut = ctx.Render<AuditLogPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=audit-user-cell]").Count));
        Assert.DoesNotContain("ncut", cut.Markup);
        Assert.Contains("账号", cut.Markup);
        Assert.Contains("密码错误", cut.Markup);
    }
}
