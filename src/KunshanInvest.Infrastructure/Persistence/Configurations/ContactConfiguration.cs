using KunshanInvest.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KunshanInvest.Infrastructure.Persistence.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ConfigureAggregate();
        builder.Property(c => c.Name).HasMaxLength(Contact.NameMaxLength);
        builder.Property(c => c.Title).HasMaxLength(Contact.TitleMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(Contact.PhoneMaxLength);
        builder.Property(c => c.Email).HasMaxLength(Contact.EmailMaxLength);
        builder.Property(c => c.WeChat).HasMaxLength(Contact.WeChatMaxLength);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }
}
