using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Infrastructure;

public static class PageExtensions
{
    public const string DemoPassword = "Demo@12345";

    /// <summary>Signs in through the real login form and waits until the interactive circuit is ready.</summary>
    public static async Task LoginAsync(this IPage page, string userName, string password = DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name='Input.UserName']", userName);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("[data-testid='login-submit']");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.WaitForCircuitAsync();
    }

    /// <summary>The layout sets data-ready="true" once the Blazor circuit has rendered interactively.</summary>
    public static Task WaitForCircuitAsync(this IPage page) =>
        page.Locator("[data-ready='true']").First.WaitForAsync();

    /// <summary>Fills a MudBlazor text field by its data-testid (the attribute may sit on the input or on a wrapper).</summary>
    public static async Task FillFieldAsync(this IPage page, string testId, string value)
    {
        var field = page.Locator(
            $"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, [data-testid='{testId}'] textarea").First;
        await field.FillAsync(value);
        await field.BlurAsync();
    }

    /// <summary>Saves a full-page screenshot under the test artifacts folder.</summary>
    public static async Task<string> ScreenshotAsync(this IPage page, string name)
    {
        var path = Path.Combine(BrowserEnvironment.ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
