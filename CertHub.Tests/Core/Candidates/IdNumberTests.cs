using CertHub.Core.Candidates;
using CertHub.Core.Common;

namespace CertHub.Tests.Core.Candidates;

public sealed class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X", "110105", 1949, 12, 31, Gender.Female)]
    [InlineData("11010519491231002x", "110105", 1949, 12, 31, Gender.Female)]
    [InlineData("110101199003074477", "110101", 1990, 3, 7, Gender.Male)]
    public void Parse_Should_ExposeParts_When_Valid(string text, string region, int year, int month, int day, Gender gender)
    {
        var id = IdNumber.Parse(text);

        Assert.Equal(text.ToUpperInvariant(), id.Value);
        Assert.Equal(region, id.RegionCode);
        Assert.Equal(new DateOnly(year, month, day), id.BirthDate);
        Assert.Equal(gender, id.Gender);
    }

    [Theory]
    [InlineData("110101199003074478", "校验位")]
    [InlineData("110105194912310021", "校验位")]
    [InlineData("11010519900230447X", "出生日期")]
    [InlineData("110101189912314470", "出生日期")]
    [InlineData("990101199003074477", "地区码")]
    [InlineData("11010119900307447", "18位")]
    [InlineData("1101011990030744777", "18位")]
    [InlineData("11010119900307A477", "18位")]
    [InlineData("", "18位")]
    public void TryParse_Should_Fail_When_Invalid(string text, string reasonPart)
    {
        Assert.False(IdNumber.TryParse(text, out var id, out var error));
        Assert.Null(id);
        Assert.Contains(reasonPart, error);
        Assert.Throws<DomainRuleException>(() => IdNumber.Parse(text));
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("11010119900307447", '7')]
    public void CheckCharacter_Should_FollowMod11_2_When_Computed(string first17, char expected) =>
        Assert.Equal(expected, IdNumber.CheckCharacter(first17));

    [Fact]
    public void Masked_Should_KeepFirstThreeAndLastFour_When_Shown()
    {
        Assert.Equal("110*****4477", IdNumber.Parse("110101199003074477").Masked);
        Assert.Equal("513*****0019", IdNumber.Mask("513101200001010019"));
        Assert.Equal("***", IdNumber.Mask("123"));
    }
}
