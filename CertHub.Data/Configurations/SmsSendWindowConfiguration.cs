using CertHub.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CertHub.Data.Configurations;

public sealed class SmsSendWindowConfiguration : IEntityTypeConfiguration<SmsSendWindow>
{
    public void Configure(EntityTypeBuilder<SmsSendWindow> builder)
    {
        builder.ToTable("SmsSendWindows");
        builder.Property(x => x.Key).HasMaxLength(SmsSendWindow.KeyMaxLength).IsRequired();
        builder.HasIndex(x => x.Key).IsUnique();
    }
}
