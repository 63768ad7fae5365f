using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Data;
using CertHub.Tests.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Tests.E2E.Concurrency;

/// <summary>
/// 手机签名 through the database session: the organisation's desk opens the QR link; a separate, anonymous browser (the
/// phone) opens it, draws and submits; the desk shows the signature. The desk then cancels, so no record is signed.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class PhoneSigningE2ETests(CertHubAppFixture app)
{
    [E2EFact]
    public async Task Phone_Should_SignThroughTheStoredSession_And_TheDeskShowTheSignature()
    {
        var desk = await app.NewPageAsync();
        await desk.LoginAsync("wl");
        await desk.GotoAsync("/issuance?tab=OrgPendingSign");
        await desk.WaitForCircuitAsync();
        await desk.Locator("[data-testid='issuance-row']").First.WaitForAsync();
        await desk.Locator("[data-testid='action-sign']").First.ClickAsync();
        await desk.Locator("[data-testid='sign-dialog']").WaitForAsync();
        await desk.ClickAsync("[data-testid='phone-sign-tab']");
        await desk.Locator("[data-testid='phone-sign-qr']").WaitForAsync();
        var token = await TokenOpenedByAsync("wl");

        var phone = await app.NewPageAsync();
        await phone.GotoAsync($"/sign/{token}");
        var pad = phone.Locator("[data-testid='signature-pad'][data-ready='true']");
        await pad.WaitForAsync();
        for (var attempt = 1; attempt <= 3 && await pad.GetAttributeAsync("data-empty") != "false"; attempt++)
        {
            var box = (await pad.BoundingBoxAsync())!;
            await phone.Mouse.MoveAsync(box.X + 20, box.Y + (box.Height / 2));
            await phone.Mouse.DownAsync();
            for (var i = 1; i <= 12; i++)
            {
                await phone.Mouse.MoveAsync(box.X + 20 + (i * 18), box.Y + (box.Height / 2) + ((i % 2 == 0 ? -1 : 1) * 20), new() { Steps = 3 });
            }

            await phone.Mouse.UpAsync();
        }

        await phone.ClickAsync("[data-testid='phone-sign-submit']");
        await phone.Locator("[data-testid='phone-sign-done']").WaitForAsync();

        await desk.Locator("[data-testid='phone-signature']").WaitForAsync();
        await desk.ScreenshotAsync("phone-signing-desk");
        Assert.Null(await TokenOpenedByAsync("wl", required: false)); // taken by the desk: the row is gone
        await phone.GotoAsync($"/sign/{token}");
        await phone.Locator("[data-testid='phone-sign-expired']").WaitForAsync(); // one-time
        await desk.GetByText("取消").ClickAsync();
        await desk.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    private async Task<string?> TokenOpenedByAsync(string userName, bool required = true)
    {
        await using var db = app.Services.GetRequiredService<CertHubContextBuilder>().Create(FixedCurrentUser.System);
        var token = await db.Set<PhoneSigningSession>().Where(s => s.OpenedBy == userName && s.SignaturePng == null)
            .OrderByDescending(s => s.Id).Select(s => s.Token).FirstOrDefaultAsync();
        Assert.True(!required || token is not null, "the desk opened no 手机签名 session");
        return token;
    }
}
