using CertHub.Core.Catalog;
using CertHub.Core.Common;

namespace CertHub.Tests.Core.Common;

/// <summary>Entity.EnsureVersion: a form's 保存 is refused when the row it showed was saved by someone else meanwhile.</summary>
public sealed class EntityVersionTests
{
    private static Major AMajor() => Major.Create("510201", "计算机应用技术", MajorLevel.HigherVocational, "电子与信息大类");

    [Fact]
    public void EnsureVersion_Should_Pass_When_TheVersionIsTheLoadedOne()
    {
        var major = AMajor();

        major.EnsureVersion(0);

        Assert.Equal(0, major.RowVersion);
    }

    [Fact]
    public void EnsureVersion_Should_Pass_When_NoVersionIsGiven()
    {
        AMajor().EnsureVersion(null);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(-1L)]
    [InlineData(7L)]
    public void EnsureVersion_Should_RefuseWithTheConcurrencyMessage_When_TheVersionDiffers(long seen)
    {
        var ex = Assert.Throws<DomainRuleException>(() => AMajor().EnsureVersion(seen));

        Assert.Equal("数据已被其他用户修改，请刷新后重试", ex.Message);
        Assert.Equal(ConcurrencyConflict.Message, ex.Message);
        Assert.IsType<StaleVersionException>(ex.InnerException);
    }

    [Fact]
    public void Is_Should_NotTreatAStaleFormAsARetryableSaveConflict()
    {
        var stale = ConcurrencyConflict.Stale();

        Assert.False(ConcurrencyConflict.Is(stale));
        Assert.Equal(ConcurrencyConflict.Message, stale.Message);
    }
}
