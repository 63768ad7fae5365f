using Bunit;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CertHub.Tests.Support;

/// <summary>A bUnit context for /issuance and /dashboard: MudBlazor, a fake issuance service, a loopback change feed, one user.</summary>
public sealed class IssuancePageContext : BunitContext
{
    public static readonly FixedCurrentUser OrgUser = new(UserRole.OrgAdmin, OrganizationId: 1, UserName: "wl", DisplayName: "张组织");
    public static readonly FixedCurrentUser SchoolUser = new(UserRole.SchoolAdmin, SchoolId: 1, UserName: "ustb", DisplayName: "李院校");

    public IssuancePageContext(ICurrentUser user, IIssuanceDashboard? dashboard = null)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(user);
        Services.AddSingleton<IIssuanceService>(Issuance);
        Services.AddSingleton<IChangeFeed>(Feed);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<SigningSessionStore>();
        if (dashboard is not null)
        {
            Services.AddSingleton(dashboard);
        }
    }

    public FakeIssuanceService Issuance { get; } = new();

    public LoopbackChangeFeed Feed { get; } = new();
}
