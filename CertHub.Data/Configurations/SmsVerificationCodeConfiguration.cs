using CertHub.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class SmsVerificationCodeConfiguration : IEntityTypeConfiguration<SmsVerificationCode>
{
    public void Configure(EntityTypeBuilder<SmsVerificationCode> builder)
    {
        builder.ToTable("SmsVerificationCodes");
        builder.Property(x => x.Phone).HasMaxLength(PhoneNumbers.MaxLength).IsRequired();
        builder.Property(x => x.RequestedByUserId).HasMaxLength(SmsVerificationCode.UserIdMaxLength);
        builder.Property(x => x.Salt).HasMaxLength(SmsVerificationCode.HashMaxLength).IsRequired();
        builder.Property(x => x.CodeHash).HasMaxLength(SmsVerificationCode.HashMaxLength).IsRequired();
        builder.HasIndex(x => new { x.Phone, x.CreatedUtc });
        builder.HasIndex(x => new { x.RequestedByUserId, x.CreatedUtc });
    }
}
