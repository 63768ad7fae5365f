using CertHub.Tests.E2E.Infrastructure;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Security;

/// <summary>The Content-Security-Policy as Chromium enforces it: the interactive pages still work and nothing is blocked.</summary>
[Collection(E2ECollection.Name)]
public sealed class ContentSecurityPolicyE2ETests(CertHubAppFixture app)
{
    [E2EFact]
    public async Task Pages_Should_RunInteractively_WithoutAnyCspViolation()
    {
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");

        await page.LoginAsync("ustb");
        foreach (var url in new[] { "/exams/candidates?type=school", "/issuance", "/certificates" })
        {
            await page.GotoAsync(url);
            await page.WaitForCircuitAsync();
            await Assertions.Expect(page.Locator(".mud-table").First).ToBeVisibleAsync();
        }

        // An interactive action through the circuit: open the filter's select and the user menu without errors.
        await page.GotoAsync("/exams/candidates?type=school");
        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.Locator(".mud-table-row").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("csp-candidates");

        var response = await page.GotoAsync("/certificates");
        Assert.Contains("script-src 'self' 'nonce-", (await response!.AllHeadersAsync())["content-security-policy"]);
        await page.WaitForCircuitAsync();
        Assert.Empty(violations);
    }
}
