using CertHub.Core.Common;
using CertHub.Core.Scheduling;

namespace CertHub.Tests.Core.Scheduling;

public sealed class AdmissionTicketNumberTests
{
    [Fact]
    public void Format_Should_Produce26FixedWidthDigits_When_Valid()
    {
        var number = AdmissionTicketNumber.Format(16, "40000001101", 7, 12);

        Assert.Equal("00001640000001101000007012", number);
        Assert.Equal(AdmissionTicketNumber.Length, number.Length);
        Assert.Equal("00000100000000042000003001", AdmissionTicketNumber.Format(1, "42", 3, 1));
    }

    [Theory]
    [InlineData(0, "1", 1, 1)]
    [InlineData(1, "A1", 1, 1)]
    [InlineData(1, "123456789012", 1, 1)]
    [InlineData(1, "1", 1, 1000)]
    [InlineData(1, "1", 1_000_000, 1)]
    public void Format_Should_Throw_When_PartOutOfRange(int planId, string subjectCode, int roomId, int seatNo) =>
        Assert.Throws<DomainRuleException>(() => AdmissionTicketNumber.Format(planId, subjectCode, roomId, seatNo));
}
