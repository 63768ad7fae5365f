using Bunit;
using CertHub.Tests.Support;
using CertHub.Web.Components.Pages.Schools;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CertHub.Tests.Web.Schools;

public sealed class SchoolPagesTests
{
    [Fact]
    public async Task SchoolsPage_Should_ListOnlyOwnSchool_When_SchoolOpensIt()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolA);

        var cut = ctx.Render<SchoolsPage>();

        cut.WaitForAssertion(() => Assert.Equal("北京科技大学", cut.Find("[data-testid=school-name]").TextContent.Trim()));
        Assert.Single(cut.FindAll("[data-testid=school-name]"));
        Assert.Single(cut.FindAll("[data-testid=school-edit]"));
    }

    [Fact]
    public async Task SchoolsPage_Should_ListProvinceSchoolsWithoutEdit_When_ProvinceOpensIt()
    {
        await using var ctx = new CatalogPageContext(d => d.Beijing);

        var cut = ctx.Render<SchoolsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=school-name]").Count));
        Assert.Empty(cut.FindAll("[data-testid=school-edit]"));
    }

    [Fact]
    public async Task SchoolDetailPage_Should_ShowContacts_When_OwnSchool()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolA);

        var cut = ctx.Render<SchoolDetailPage>(p => p.Add(x => x.Id, ctx.Data.SchoolAId));

        cut.WaitForAssertion(() => Assert.Contains("刘洋", cut.Find("[data-testid=school-contacts]").TextContent));
        Assert.Contains("试点证书负责人", cut.Markup);
    }

    [Fact]
    public async Task SchoolDetailPage_Should_ShowNotFound_When_AnotherSchool()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolB);

        var cut = ctx.Render<SchoolDetailPage>(p => p.Add(x => x.Id, ctx.Data.SchoolAId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=not-found]")));
        Assert.DoesNotContain("刘洋", cut.Markup);
    }

    [Fact]
    public async Task SchoolEditPage_Should_ShowNotFound_When_AnotherSchool()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolB);

        var cut = ctx.Render<SchoolEditPage>(p => p.Add(x => x.Id, ctx.Data.SchoolAId));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=not-found]")));
        Assert.Empty(cut.FindAll("[data-testid=school-edit-form]"));
    }

    [Fact]
    public async Task SchoolEditPage_Should_RefuseUpload_When_PngFileIsReallyText()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolA);
        ctx.Render<MudPopoverProvider>();
        var cut = ctx.Render<SchoolEditPage>(p => p.Add(x => x.Id, ctx.Data.SchoolAId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=seal-upload]")));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestImages.TextPretendingToBePng(), "seal.png", contentType: "image/png"));

        cut.WaitForAssertion(() => Assert.Contains("仅支持PNG或JPG", cut.Find("[data-testid=seal-error]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=seal-preview]"));
        Assert.True(cut.Find("[data-testid=seal-upload-button]").HasAttribute("disabled"));
        Assert.Empty(ctx.Files.Files);
    }

    [Fact]
    public async Task SchoolEditPage_Should_PreviewAndStore_When_RealPngUploaded()
    {
        await using var ctx = new CatalogPageContext(d => d.SchoolA);
        var cut = ctx.Render<SchoolEditPage>(p => p.Add(x => x.Id, ctx.Data.SchoolAId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=seal-upload]")));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(TestImages.Png(), "seal.png", contentType: "image/png"));
        cut.WaitForAssertion(() => Assert.StartsWith("data:image/png;base64,", cut.Find("[data-testid=seal-preview]").GetAttribute("src"), StringComparison.Ordinal));
        cut.Find("[data-testid=seal-upload-button]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=seal-image]")));
        Assert.Single(ctx.Files.Files);
    }
}
