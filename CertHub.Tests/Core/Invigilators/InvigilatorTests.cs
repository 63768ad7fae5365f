using CertHub.Core.Common;
using CertHub.Core.Invigilators;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Invigilators;

public sealed class InvigilatorTests
{
    [Theory]
    [InlineData(1, "JK000001")]
    [InlineData(349361, "JK349361")]
    public void TeacherNoOf_Should_FormatSixDigits(int sequence, string expected) => Assert.Equal(expected, Invigilator.TeacherNoOf(sequence));

    [Theory]
    [InlineData("JK000001", true)]
    [InlineData("JK00001", false)]
    [InlineData("KK000001", false)]
    [InlineData(null, false)]
    public void IsTeacherNo_Should_CheckFormat(string? value, bool expected) => Assert.Equal(expected, Invigilator.IsTeacherNo(value));

    [Fact]
    public void Create_Should_Throw_When_TeacherNoInvalid() =>
        Assert.Throws<DomainRuleException>(() => Invigilator.Create(1, "X1", "王伟", ADomain.ValidIdNumber, "18300000544", null, null, null, ADomain.T0));

    [Fact]
    public void Create_Should_KeepRegion_When_Given()
    {
        var invigilator = Invigilator.Create(1, "JK000009", "王伟", ADomain.ValidIdNumber, "18300000544", " 北京市北京市丰台区 ", null, null, ADomain.T0);

        Assert.Equal("北京市北京市丰台区", invigilator.Region);
        Assert.Throws<DomainRuleException>(() => invigilator.Update("王伟", ADomain.ValidIdNumber, "18300000544", new string('区', Invigilator.RegionMaxLength + 1), null, null));
    }
}
