using System.Globalization;
using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Enterprises.CreateEnterprise;
using KunshanInvest.Domain.Enterprises;

namespace KunshanInvest.Application.Tests;

public sealed class MessageCatalogueTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var msg in Messages.All)
        {
            data.Add(msg.Code);
        }

        return data;
    }

    [Fact]
    public void Every_code_is_declared_once()
    {
        var duplicates = Messages.All.GroupBy(m => m.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();

        Assert.Empty(duplicates);
        Assert.True(Messages.All.Count > 100, $"only {Messages.All.Count} messages found: is the catalogue read?");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Both_languages_name_the_same_arguments_and_each_speaks_its_own_language(string code)
    {
        var msg = Messages.Find(code)!;

        Assert.Equal(Msg.Placeholders(msg.Zh).Order(StringComparer.Ordinal), Msg.Placeholders(msg.En).Order(StringComparer.Ordinal));
        if (msg != M.Text)
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", msg.Zh);
            Assert.Matches("[A-Za-z]{2}", msg.En);
            Assert.DoesNotContain(" / ", msg.Zh, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Domain_codes_have_a_message()
    {
        string[] domainCodes =
        [
            "gate.signed.enterprise", "gate.signed.sector", "gate.signed.park", "gate.signed.pledged_investment",
            "gate.registered.credit_code", "gate.land_secured.land_mu", "gate.above_scale.revenue", "stage.gate",
            "partner.alreadyApproved", "partner.alreadySuspended", "submission.reasonRequired", "submission.decided", "message.internal",
            "followUp.closed", "followUp.title", "followUp.cancelReason",
        ];

        Assert.All(domainCodes, code => Assert.NotNull(Messages.Find(code)));
    }

    [Fact]
    public void A_message_is_rendered_with_its_arguments_in_the_readers_language()
    {
        var said = M.ImportTooManyRows.With(("max", 2000));

        Assert.Equal("一次最多导入2000行。", said.Render(Zh));
        Assert.Equal("At most 2000 rows per file.", said.Render(En));
    }

    [Fact]
    public void A_bilingual_argument_follows_the_language()
    {
        var said = M.SigningSectorInactive.With(("sector", new Bilingual("咖啡", "Coffee")));

        Assert.Contains("咖啡", said.Render(Zh), StringComparison.Ordinal);
        Assert.Equal("The sector Coffee is inactive and takes no new projects.", said.Render(En));
    }

    [Fact]
    public void An_unknown_code_renders_as_nothing_so_the_caller_falls_back()
    {
        Assert.Null(Messages.Render("no.such.code", null, En));
    }

    [Fact]
    public void A_validation_failure_carries_the_code_and_arguments()
    {
        var failure = FieldError.Failure("file", M.ImportTooLarge.With(("mb", 5)));

        Assert.Equal("import.too_large", failure.ErrorCode);
        Assert.Equal("The file may be at most 5 MB.", Messages.Render(failure.ErrorCode, failure.CustomState as IReadOnlyDictionary<string, object?>, En));
    }

    [Fact]
    public void A_validator_rule_says_its_code_and_words_the_message_in_the_current_language()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = En;
            var result = new CreateEnterpriseValidator().Validate(new CreateEnterprise(null, null, null, "US", Ownership.Foreign));

            var failure = Assert.Single(result.Errors, e => e.PropertyName == "NameZh");
            Assert.Equal(M.NeedsAName.Code, failure.ErrorCode);
            Assert.Equal("Give a Chinese or an English name.", failure.ErrorMessage);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("zh-CN", "'中文名称'")]
    [InlineData("en-US", "'Chinese name'")]
    public void FluentValidations_own_messages_name_the_field_by_its_label_in_the_readers_language(string culture, string expected)
    {
        FieldLabels.Install();
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var result = new CreateEnterpriseValidator().Validate(new CreateEnterprise(new string('名', Enterprise.NameMaxLength + 1), null, null, "US", Ownership.Foreign));

            var failure = Assert.Single(result.Errors, e => e.PropertyName == "NameZh" && e.ErrorCode == "MaximumLengthValidator");
            Assert.Contains(expected, failure.ErrorMessage, StringComparison.Ordinal);
            Assert.DoesNotContain("Name Zh", failure.ErrorMessage, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void A_stored_notice_is_worded_in_each_readers_language()
    {
        var title = M.ProjectSignedAtEvent.With(("code", "KS-2026-00042"), ("event", new Bilingual("咖啡产业推介会", "Coffee Investment Forum")));
        var body = M.NewFollowUpBody.With(("code", "KS-2026-00042"), ("name", "福斯咖啡烘焙工厂"), ("due", "2026-12-31"));
        var args = new Dictionary<string, object?>(title.Args);
        foreach (var (name, value) in body.Args)
        {
            args[name] = value;
        }

        var json = SaidJson.Write(args);

        var zh = Common.Notifications.Notifier.Word("stored", null, title.Code, body.Code, json, Zh);
        var en = Common.Notifications.Notifier.Word("stored", null, title.Code, body.Code, json, En);
        Assert.Equal("KS-2026-00042 已在咖啡产业推介会签约", zh.Title);
        Assert.Equal("KS-2026-00042 was signed at Coffee Investment Forum", en.Title);
        Assert.Equal("KS-2026-00042 福斯咖啡烘焙工厂 — due 2026-12-31", en.Body);
    }

    [Fact]
    public void A_notice_from_before_the_catalogue_keeps_its_text()
    {
        var old = Common.Notifications.Notifier.Word("六未预警:KS-2026-00001", "旧正文", null, null, null, En);

        Assert.Equal(("六未预警:KS-2026-00001", "旧正文"), (old.Title, old.Body));
    }

    [Fact]
    public void A_whole_message_stored_as_text_is_worded_when_read_and_other_text_is_not_one()
    {
        var stored = SaidJson.WriteSaid(M.AuditIntact.With(("rows", 42L)));

        Assert.True(SaidJson.TryReadSaid(stored, out var said));
        Assert.Equal("42 rows checked, chain intact", said.Render(En));
        Assert.Equal("已校验 42 条记录,链完整。", said.Render(Zh));
        Assert.False(SaidJson.TryReadSaid("12 rows checked, chain intact", out _));
        Assert.False(SaidJson.TryReadSaid("{\"code\":\"no.such.code\"}", out _));
    }

    [Fact]
    public void A_triage_notice_names_the_submission_in_each_readers_language()
    {
        var title = M.SubmissionAcceptedNotice.With(("reference", "PS-2026-00007"));
        var json = SaidJson.Write(title.Args);

        Assert.Equal("PS-2026-00007 报送已受理", Common.Notifications.Notifier.Word("stored", null, title.Code, null, json, Zh).Title);
        Assert.Equal("PS-2026-00007: your submission was accepted", Common.Notifications.Notifier.Word("stored", null, title.Code, null, json, En).Title);
    }
}
