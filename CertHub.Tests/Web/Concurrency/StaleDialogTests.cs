using Bunit;
using CertHub.Core.Candidates;
using CertHub.Core.Common;
using CertHub.Tests.Web.Candidates;
using CertHub.Web.Components.Pages.Candidates;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CertHub.Tests.Web.Concurrency;

/// <summary>An 编辑 dialog left open while another user saves the same row: its 保存 shows the concurrency message and writes nothing.</summary>
public sealed class StaleDialogTests
{
    [Fact]
    public async Task CandidateEditDialog_Should_ShowTheConcurrencyMessage_When_AnotherUserSavedWhileItWasOpen()
    {
        await using var ctx = new CandidatesPageContext();
        await ctx.SeedAsync();
        var service = ctx.Services.GetRequiredService<CandidateService>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var cut = ctx.Render<CandidatesPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=candidate-name]").Count));
        var row = cut.FindAll("[data-testid=candidate-name]").Select(n => n.TextContent).ToList().IndexOf("张三");
        var id = (await service.ListAsync(new CandidateFilter(Name: "张三"), new PageRequest(), default)).Items.Single().Id;

        cut.FindAll("[data-testid=candidate-edit]")[row].Click();
        dialogs.WaitForAssertion(() => Assert.Equal("张三", dialogs.Find("input[data-testid=edit-name], [data-testid=edit-name] input").GetAttribute("value")));
        var other = (await service.GetAsync(id, default))!;
        await service.EditAsync(id, other.ToDetails() with { Phone = "13900000002" }, default); // the other user saves first
        dialogs.Find("input[data-testid=edit-phone], [data-testid=edit-phone] input").Change("13900000001");
        dialogs.Find("[data-testid=edit-save]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains(ConcurrencyConflict.Message, snackbars.Markup, StringComparison.Ordinal));
        Assert.Equal("数据已被其他用户修改，请刷新后重试", ConcurrencyConflict.Message);
        Assert.Equal("13900000002", (await service.GetAsync(id, default))!.Phone);
        Assert.DoesNotContain(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == "保存成功");
    }
}
