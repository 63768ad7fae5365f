using CertHub.Data;

namespace CertHub.Tests.Data.Security;

/// <summary>U+0000, which PostgreSQL text refuses, is dropped from parameters and COPY values on PostgreSQL.</summary>
public sealed class PostgresTextParametersTests
{
    [Theory]
    [InlineData("张\0三", "张三")]
    [InlineData("\0", "")]
    [InlineData("无", "无")]
    public void Clean_Should_DropTheNulCharacter(string text, string expected) =>
        Assert.Equal(expected, PostgresTextParameters.Clean(text));

    [Fact]
    public void Clean_Should_CleanArraysOfStrings_And_LeaveOtherValuesAlone()
    {
        Assert.Equal(new[] { "a", null, "b" }, (string?[])PostgresTextParameters.Clean(new[] { "a\0", null, "b" }));
        Assert.Equal(42, PostgresTextParameters.Clean(42));
        var bytes = new byte[] { 0, 1 };
        Assert.Same(bytes, PostgresTextParameters.Clean(bytes));
    }
}
