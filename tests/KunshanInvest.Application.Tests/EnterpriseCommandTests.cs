using KunshanInvest.Application.Enterprises.CreateEnterprise;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Application.Enterprises.UpdateEnterprise;
using KunshanInvest.Domain.Auditing;
using KunshanInvest.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KunshanInvest.Application.Tests;

/// <summary>Entering and editing enterprises on a real SQLite database: the duplicate check on entry, and the audit.</summary>
public sealed class EnterpriseCommandTests
{
    private static CreateEnterprise Luckin(string? code = null) =>
        new("瑞幸咖啡（中国）有限公司", "Luckin Coffee (China) Co., Ltd.", code, "CN", Ownership.Domestic);

    private static async Task<Domain.Enterprises.Enterprise> SeedAsync(TestDatabase database, CreateEnterprise command)
    {
        await using var db = database.NewContext();
        var created = await new CreateEnterpriseHandler(db).Handle(command, CancellationToken.None);
        return await db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == created.Id);
    }

    [Fact]
    public async Task A_new_enterprise_is_stored_normalised_and_audited()
    {
        await using var database = await TestDatabase.CreateAsync();
        var code = Codes.NewCreditCode();
        var fullWidthLowerCase = new string(code.ToLowerInvariant().Select(c => (char)(c + 0xFEE0)).ToArray());

        await using var db = database.NewContext();
        var detail = await new CreateEnterpriseHandler(db).Handle(
            new CreateEnterprise(" 福斯咖啡(昆山)有限公司 ", "Fourth Coffee (Kunshan) Co., Ltd.", fullWidthLowerCase, "US", Ownership.Foreign, Fortune500: false, Listed: true, Website: " https://fourthcoffee.example ", Note: " "),
            CancellationToken.None);

        Assert.Equal("福斯咖啡(昆山)有限公司", detail.NameZh);
        Assert.Equal(code, detail.CreditCode);
        Assert.Equal("https://fourthcoffee.example", detail.Website);
        Assert.Null(detail.Note);
        Assert.Equal(0, detail.Version);
        var created = Assert.Single(detail.History);
        Assert.Equal(AuditAction.Created, created.Action);
        Assert.Contains(created.Changes, c => c.Field == "CreditCode" && c.New == code);
    }

    [Fact]
    public async Task The_same_credit_code_is_refused_even_when_confirmed()
    {
        await using var database = await TestDatabase.CreateAsync();
        var code = Codes.NewCreditCode();
        var existing = await SeedAsync(database, Luckin(code));

        await using var db = database.NewContext();
        var error = await Assert.ThrowsAsync<DuplicateEnterpriseException>(async () => await new CreateEnterpriseHandler(db).Handle(
            new CreateEnterprise("完全不同的公司", "Another name entirely", code.ToLowerInvariant(), "CN", Ownership.Domestic, ConfirmNotDuplicate: true),
            CancellationToken.None));

        Assert.False(error.CanConfirm);
        var candidate = Assert.Single(error.Candidates);
        Assert.Equal(existing.Id, candidate.Id);
        Assert.Equal(EnterpriseDuplicates.SameCreditCode, candidate.Reason);
        Assert.Equal(1, await db.Enterprises.CountAsync());
    }

    [Theory]
    [InlineData("瑞幸咖啡(中国)", null)]                                   // half-width brackets, no 有限公司
    [InlineData("瑞幸咖啡（中国）股份有限公司", null)]                       // another legal form
    [InlineData(null, "LUCKIN COFFEE (CHINA)")]                             // case, no Co., Ltd.
    [InlineData(null, "luckin coffee (china) limited")]
    [InlineData(null, "Ｌｕｃｋｉｎ　Ｃｏｆｆｅｅ（Ｃｈｉｎａ）Ｃｏ．，Ｌｔｄ．")] // full-width
    [InlineData("Luckin Coffee (China) Inc.", null)]                        // English name typed in the Chinese field
    [InlineData(null, "瑞幸咖啡 (中国) 有限公司")]                           // Chinese name typed in the English field
    public async Task A_near_same_name_is_a_candidate_until_the_officer_confirms(string? nameZh, string? nameEn)
    {
        await using var database = await TestDatabase.CreateAsync();
        var existing = await SeedAsync(database, Luckin());
        var command = new CreateEnterprise(nameZh, nameEn, null, "CN", Ownership.Domestic);

        await using (var db = database.NewContext())
        {
            var error = await Assert.ThrowsAsync<DuplicateEnterpriseException>(async () => await new CreateEnterpriseHandler(db).Handle(command, CancellationToken.None));
            Assert.True(error.CanConfirm);
            var candidate = Assert.Single(error.Candidates);
            Assert.Equal(existing.Id, candidate.Id);
            Assert.Equal(EnterpriseDuplicates.SameName, candidate.Reason);
        }

        await using (var db = database.NewContext())
        {
            await new CreateEnterpriseHandler(db).Handle(command with { ConfirmNotDuplicate = true }, CancellationToken.None);
        }

        await using var read = database.NewContext();
        Assert.Equal(2, await read.Enterprises.CountAsync());
    }

    [Theory]
    [InlineData("Costco", "Cost")]            // "co" is a legal form only as a whole word
    [InlineData("Luckin Coffee", "Luckin")]   // a fragment is not a duplicate (the list search finds it)
    public async Task Different_names_are_not_candidates(string existingEn, string typedEn)
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedAsync(database, new CreateEnterprise(null, existingEn, null, "US", Ownership.Foreign));

        await using var db = database.NewContext();
        await new CreateEnterpriseHandler(db).Handle(new CreateEnterprise(null, typedEn, null, "US", Ownership.Foreign), CancellationToken.None);

        Assert.Equal(2, await db.Enterprises.CountAsync());
    }

    [Fact]
    public async Task An_edit_does_not_find_the_enterprise_a_duplicate_of_itself_and_is_audited_field_by_field()
    {
        await using var database = await TestDatabase.CreateAsync();
        var existing = await SeedAsync(database, Luckin(Codes.NewCreditCode()));
        var newCode = Codes.NewCreditCode(); // a new code makes the duplicate check run; the same names must not find the record itself

        await using var db = database.NewContext();
        var detail = await new UpdateEnterpriseHandler(db).Handle(
            new UpdateEnterprise(existing.Id, existing.Version, "瑞幸咖啡(中国)有限公司", existing.NameEn, newCode, "CN", Ownership.Domestic, Listed: true),
            CancellationToken.None);

        Assert.Equal(1, detail.Version);
        Assert.True(detail.Listed);
        var update = detail.History[0];
        Assert.Equal(AuditAction.Updated, update.Action);
        Assert.Contains(update.Changes, c => c.Field == "IsListed" && c.Old == "False" && c.New == "True");
        Assert.Contains(update.Changes, c => c.Field == "NameZh" && c.New == "瑞幸咖啡(中国)有限公司");
        Assert.Contains(update.Changes, c => c.Field == "CreditCode" && c.Old == existing.CreditCode && c.New == newCode);
    }

    [Fact]
    public async Task Renaming_into_another_enterprises_name_needs_confirmation_but_other_edits_of_a_kept_pair_do_not()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedAsync(database, Luckin());
        var other = await SeedAsync(database, new CreateEnterprise("幸运咖", "Lucky Cup", null, "CN", Ownership.Domestic));

        await using (var db = database.NewContext())
        {
            await Assert.ThrowsAsync<DuplicateEnterpriseException>(async () => await new UpdateEnterpriseHandler(db).Handle(
                new UpdateEnterprise(other.Id, other.Version, "瑞幸咖啡(中国)", "Lucky Cup", null, "CN", Ownership.Domestic),
                CancellationToken.None));
        }

        int version;
        await using (var db = database.NewContext())
        {
            version = (await new UpdateEnterpriseHandler(db).Handle(
                new UpdateEnterprise(other.Id, other.Version, "瑞幸咖啡(中国)", "Lucky Cup", null, "CN", Ownership.Domestic, ConfirmNotDuplicate: true),
                CancellationToken.None)).Version;
        }

        await using var again = database.NewContext();
        var detail = await new UpdateEnterpriseHandler(again).Handle(
            new UpdateEnterprise(other.Id, version, "瑞幸咖啡(中国)", "Lucky Cup", null, "CN", Ownership.Domestic, Website: "https://lucky.example"),
            CancellationToken.None);
        Assert.Equal("https://lucky.example", detail.Website);
    }

    [Fact]
    public async Task A_credit_code_taken_between_the_check_and_the_save_answers_as_a_duplicate_not_an_error()
    {
        await using var database = await TestDatabase.CreateAsync();
        var code = Codes.NewCreditCode();
        var rival = new Domain.Enterprises.Enterprise("抢先录入的公司", null, "CN", Ownership.Domestic);
        rival.SetCreditCode(code);

        await using var db = database.NewContext(new RivalSavesFirst(database, rival));
        var error = await Assert.ThrowsAsync<DuplicateEnterpriseException>(async () =>
            await new CreateEnterpriseHandler(db).Handle(new CreateEnterprise("后录入的公司", null, code, "CN", Ownership.Domestic), CancellationToken.None));

        Assert.False(error.CanConfirm);
        Assert.Equal(rival.Id, Assert.Single(error.Candidates).Id);
    }

    /// <summary>
    /// Another officer's save of the same code lands after the duplicate check and before this save: as soon as the
    /// check's query has run (before the save, which would first wait for its turn at SQLite's writer, SqliteWriteGate).
    /// </summary>
    private sealed class RivalSavesFirst(TestDatabase database, Domain.Enterprises.Enterprise rival) : DbCommandInterceptor
    {
        private bool _done;

        public override async ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(
            System.Data.Common.DbCommand command, CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (!_done && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.Ordinal) && command.CommandText.Contains("\"CreditCode\"", StringComparison.Ordinal))
            {
                _done = true;
                await using var other = database.NewContext();
                other.Enterprises.Add(rival);
                await other.SaveChangesAsync(cancellationToken);
            }

            return result;
        }
    }

    [Fact]
    public async Task A_stale_version_is_a_concurrency_conflict()
    {
        await using var database = await TestDatabase.CreateAsync();
        var existing = await SeedAsync(database, Luckin());
        var edit = new UpdateEnterprise(existing.Id, existing.Version, existing.NameZh, existing.NameEn, null, "CN", Ownership.Domestic, Note: "first");
        await using (var db = database.NewContext())
        {
            await new UpdateEnterpriseHandler(db).Handle(edit, CancellationToken.None);
        }

        await using var stale = database.NewContext();
        await Assert.ThrowsAsync<KunshanInvest.Application.Common.Exceptions.ConflictException>(async () =>
            await new UpdateEnterpriseHandler(stale).Handle(edit with { Note = "second" }, CancellationToken.None));
    }
}
