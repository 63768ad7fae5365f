using System.Text;
using CertHub.Core.CheckIn;

namespace CertHub.Tests.Core.CheckIn;

public sealed class CheckInTokenSignerTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");
    private static readonly CheckInTicket Ticket = new(123456, 16, 40, 7, 12);

    private static CheckInTokenSigner Signer => new(Key);

    [Fact]
    public void Verify_Should_ReturnTheTicket_When_TokenIsSignedWithTheKey()
    {
        var token = Signer.Sign(Ticket);

        Assert.Equal(Ticket, Signer.Verify(token));
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.True(token.Length <= 48, $"token too long for a small QR: {token.Length}");
    }

    [Fact]
    public void Verify_Should_ReturnNull_When_AnyCharacterIsChanged()
    {
        var token = Signer.Sign(Ticket);

        for (var i = 0; i < token.Length; i++)
        {
            var changed = token.ToCharArray();
            changed[i] = changed[i] == 'A' ? 'B' : 'A';
            Assert.Null(Signer.Verify(new string(changed)));
        }
    }

    [Fact]
    public void Verify_Should_ReturnNull_When_PayloadIsReSignedWithAnotherKey()
    {
        var forged = new CheckInTokenSigner(Encoding.ASCII.GetBytes("another-key-another-key-another!!")).Sign(Ticket with { RoomSessionId = 8 });

        Assert.Null(Signer.Verify(forged));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("AQ")]
    [InlineData("00001640000001101000007012")]
    public void Verify_Should_ReturnNull_When_InputIsNotAToken(string? text) =>
        Assert.Null(Signer.Verify(text));

    [Fact]
    public void Verify_Should_ReturnNull_When_TokenIsTruncatedOrExtended()
    {
        var token = Signer.Sign(Ticket);

        Assert.Null(Signer.Verify(token[..^1]));
        Assert.Null(Signer.Verify(token + "A"));
    }

    [Fact]
    public void Constructor_Should_Throw_When_KeyIsShort() =>
        Assert.Throws<ArgumentException>(() => new CheckInTokenSigner(new byte[16]));
}
