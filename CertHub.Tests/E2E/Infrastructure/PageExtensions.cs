using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CertHub.Tests.E2E.Infrastructure;

public static partial class PageExtensions
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
    /// <summary>
    /// Opens a MudSelect by its data-testid and clicks the first option containing <paramref name="option"/> (the whole text when
    /// <paramref name="exact"/>); a try the busy circuit swallowed is repeated.
    /// </summary>
    public static async Task ChooseAsync(this IPage page, string testId, string option, bool exact = false)
    {
        var select = page.Locator($"[data-testid='{testId}']").First;
        var options = page.Locator(".mud-popover-open .mud-list-item");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await select.ClickAsync(new() { Timeout = 8_000 });
                var item = exact ? options.GetByText(option, new() { Exact = true }) : options.Filter(new() { HasText = option });
                await item.First.ClickAsync(new() { Timeout = 8_000 });
                await Assertions.Expect(options).ToHaveCountAsync(0, new() { Timeout = 8_000 });
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex is TimeoutException or PlaywrightException)
            {
                if (await page.Locator(".mud-dialog-title").CountAsync() > 0)
                {
                    await page.Locator(".mud-dialog-title").First.ClickAsync(new() { Force = true });
                }
                else
                {
                    await page.Keyboard.PressAsync("Escape");
                }
            }
        }
    }

    /// <summary>Closes a multi-select's list (it stays open after a choice) and waits until no list covers the dialog.</summary>
    public static async Task CloseOpenListAsync(this IPage page)
    {
        var open = page.Locator(".mud-popover-open .mud-list-item");
        for (var attempt = 0; attempt < 3 && await open.CountAsync() > 0; attempt++)
        {
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForTimeoutAsync(300);
            if (await open.CountAsync() > 0)
            {
                await page.Locator(".mud-overlay").Last.ClickAsync(new() { Force = true });
                await page.WaitForTimeoutAsync(300);
            }
        }

        await Assertions.Expect(open).ToHaveCountAsync(0);
    }

    /// <summary>The count a StatusTabs tab shows, "名称 (n)", by the tab's status name.</summary>
    public static async Task<int> StatusTabCountAsync(this IPage page, string status)
    {
        var text = await page.Locator($"[data-testid='status-tab-{status}']").InnerTextAsync();
        return int.Parse(TabCount().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex TabCount();
}
