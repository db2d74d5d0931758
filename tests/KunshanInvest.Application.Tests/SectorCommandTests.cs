using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Sectors.CreateSector;
using KunshanInvest.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace KunshanInvest.Application.Tests;

public sealed class SectorCommandTests
{
    [Theory]
    [InlineData("Low Altitude", "低空", "Low altitude", "Code")]
    [InlineData("low-altitude", "", "Low altitude", "NameZh")]
    [InlineData("low-altitude", "低空", "", "NameEn")]
    [InlineData("-bad-", "低空", "Low altitude", "Code")]
    public void The_validator_names_the_bad_field(string code, string nameZh, string nameEn, string field)
    {
        var result = new CreateSectorValidator().Validate(new CreateSector(code, nameZh, nameEn, null, null));

        Assert.Contains(result.Errors, e => e.PropertyName == field);
    }

    [Fact]
    public async Task Creating_a_sector_twice_is_a_conflict_and_the_first_is_audited()
    {
        await using var database = await TestDatabase.CreateAsync();
        database.User = TestUser.As("admin", Common.Security.Roles.Admin);
        var command = new CreateSector("low-altitude", "低空飞行器", "Low-altitude aircraft", null, null);

        await using (var db = database.NewContext())
        {
            await new CreateSectorHandler(db).Handle(command, CancellationToken.None);
        }

        await using var again = database.NewContext();
        await Assert.ThrowsAsync<ConflictException>(async () => await new CreateSectorHandler(again).Handle(command, CancellationToken.None));
        var audit = await again.AuditEntries.SingleAsync(a => a.EntityType == "Sector");
        Assert.Equal(AuditAction.Created, audit.Action);
        Assert.Equal("admin", audit.ActorName);
        Assert.Contains("\"New\":\"低空飞行器\"", audit.Changes, StringComparison.Ordinal);
    }
}
