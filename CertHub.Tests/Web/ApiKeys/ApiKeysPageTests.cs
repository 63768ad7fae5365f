using Bunit;
using CertHub.Core.Api;
using CertHub.Core.Audit;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CertHub.Tests.Web.ApiKeys;

/// <summary>接口密钥 page as 中物联物流's admin: the list (own keys only), 新增 with the key shown once, 吊销 after confirming.</summary>
public sealed class ApiKeysPageTests : IAsyncLifetime, IDisposable
{
    private readonly BunitContext _ctx = new();
    private readonly SqliteTestDb _db = new();
    private CatalogTestData _data = null!;

    public Task InitializeAsync()
    {
        _data = CatalogTestData.Seed(_db);
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddSingleton(_ => _db);
        _ctx.Services.AddSingleton(Service(_data.Wl));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    public void Dispose()
    {
        _ctx.Dispose();
        _db.Dispose();
    }

    [Fact]
    public void Page_Should_ShowEmptyState_When_NoKeys()
    {
        var cut = _ctx.Render<ApiKeysPage>();

        cut.WaitForAssertion(() => Assert.Contains("暂无接口密钥", cut.Find("[data-testid=no-records]").TextContent));
    }

    [Fact]
    public async Task Page_Should_ListOnlyTheOrganisationsKeys()
    {
        await Service(_data.Wl).CreateAsync("考务系统", default);
        await Service(Tedu).CreateAsync("达内阅卷", default);

        var cut = _ctx.Render<ApiKeysPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=api-key-name]")));
        Assert.Contains("考务系统", cut.Markup);
        Assert.DoesNotContain("达内阅卷", cut.Markup);
        Assert.Contains("有效", cut.Find("[data-testid=api-key-status]").TextContent);
    }

    [Fact]
    public async Task Add_Should_ShowTheKeyOnceAndListIt()
    {
        var dialogs = _ctx.Render<MudDialogProvider>();
        var cut = _ctx.Render<ApiKeysPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=no-records]"));

        var adding = cut.Find("[data-testid=api-key-add]").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find("input[data-testid=api-key-name-input]"));
        dialogs.Find("input[data-testid=api-key-name-input]").Change("阅卷系统");
        await dialogs.Find("[data-testid=api-key-create]").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.StartsWith(ApiKeySecret.Prefix, dialogs.Find("input[data-testid=api-key-value]").GetAttribute("value")));
        var shown = dialogs.Find("input[data-testid=api-key-value]").GetAttribute("value")!;
        Assert.Contains("只显示这一次", dialogs.Markup);
        cut.WaitForAssertion(() => Assert.Contains("阅卷系统", cut.Find("[data-testid=api-key-name]").TextContent));
        Assert.DoesNotContain(shown, cut.Markup, StringComparison.Ordinal);
        await using var db = _db.OpenAsSystem();
        Assert.Equal(ApiKey.HashOf(shown), (await db.Set<ApiKey>().SingleAsync()).KeyHash);

        await dialogs.Find("[data-testid=api-key-copy]").ClickAsync(new());
        Assert.Contains(_ctx.JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText" && Equals(i.Arguments[0], shown));
        await dialogs.Find("[data-testid=api-key-done]").ClickAsync(new());
        await adding.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Revoke_Should_MarkTheKeyRevoked_When_Confirmed()
    {
        var created = await Service(_data.Wl).CreateAsync("考务系统", default);
        var dialogs = _ctx.Render<MudDialogProvider>();
        var cut = _ctx.Render<ApiKeysPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=api-key-revoke]"));

        var revoking = cut.Find("[data-testid=api-key-revoke]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("考务系统", dialogs.Find("[data-testid=confirm-message]").TextContent));
        await dialogs.Find("[data-testid=confirm-yes]").ClickAsync(new());
        await revoking.WaitAsync(TimeSpan.FromSeconds(5));

        cut.WaitForAssertion(() => Assert.Contains("已吊销", cut.Find("[data-testid=api-key-status]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=api-key-revoke]"));
        Assert.Null(await Service(_data.Wl).AuthenticateAsync(created.Key, default));
    }

    private FixedCurrentUser Tedu => new(UserRole.OrgAdmin, OrganizationId: _data.OrgTeduId, UserName: "tedu", DisplayName: "达内教育");

    private ApiKeyService Service(ICurrentUser user) =>
        new(_db.FactoryFor(user), user, new AuditLogService(_db.FactoryFor(user), user, TimeProvider.System), TimeProvider.System);
}
