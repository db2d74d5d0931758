using KunshanInvest.Application.Common.Exceptions;
using KunshanInvest.Application.Common.Messages;
using KunshanInvest.Application.Enterprises.CheckEnterpriseDuplicates;
using KunshanInvest.Application.Enterprises.CreateEnterprise;
using KunshanInvest.Application.Enterprises.Duplicates;
using KunshanInvest.Application.Enterprises.GetEnterprise;
using KunshanInvest.Application.Enterprises.UpdateEnterprise;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Web.Components.Enterprises;
using MudBlazor;

namespace KunshanInvest.Web.Tests;

public sealed class EnterpriseFormTests : ComponentTest
{
    private static string ValidCode()
    {
        const string first17 = "91320583123456789";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    private static async Task TypeAsync(IRenderedComponent<EnterpriseForm> cut, string testId, string text)
    {
        var field = cut.FindComponents<MudTextField<string>>().Single(f => Equals(f.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));
        await cut.InvokeAsync(() => field.Instance.ValueChanged.InvokeAsync(text));
        await cut.InvokeAsync(() => field.Instance.OnDebounceIntervalElapsed.InvokeAsync(text));
    }

    [Fact]
    public async Task A_mistyped_credit_code_is_named_as_it_is_typed_and_a_corrected_one_is_checked_for_duplicates()
    {
        var code = ValidCode();
        var mistyped = code[..^1] + (code[^1] == '0' ? '1' : '0');
        Sender.Respond = m => m is CheckEnterpriseDuplicates ? new List<DuplicateCandidate> { new(Guid.NewGuid(), "已有企业", null, code, EnterpriseDuplicates.SameCreditCode) } : null;
        var cut = Render<EnterpriseForm>();

        await TypeAsync(cut, "enterprise-credit-code", mistyped);
        Assert.Contains(M.CreditCodeCheck.Zh, cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(Sender.Sent, m => m is CheckEnterpriseDuplicates { CreditCode: not null });

        await TypeAsync(cut, "enterprise-credit-code", code[..10]);
        Assert.Contains("现为 10 位", cut.Markup, StringComparison.Ordinal);

        await TypeAsync(cut, "enterprise-credit-code", code);
        Assert.DoesNotContain(M.CreditCodeCheck.Zh, cut.Markup, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=credit-code-ok]"));
        Assert.Equal(code, Sender.Sent.OfType<CheckEnterpriseDuplicates>().Last().CreditCode);
        Assert.Contains("已有企业", cut.Find("[data-testid=enterprise-duplicates]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=confirm-not-duplicate]")); // a same-code duplicate cannot be confirmed away
    }

    [Fact]
    public async Task Editing_sends_the_version_read_and_a_stale_one_shows_the_conflict_message()
    {
        var existing = new EnterpriseDetail(Guid.NewGuid(), "昆山咖啡", null, null, "CN", Ownership.Domestic, false, false, null, null, false, null, 7, [], [], []);
        Sender.Respond = m => m is UpdateEnterprise ? throw new ConflictException(M.ChangedSinceVersion.With(("what", M.Things.FollowUp), ("current", 8), ("version", 7))) : null;
        var cut = Render<EnterpriseForm>(p => p.Add(x => x.Existing, existing));

        await TypeAsync(cut, "enterprise-website", "https://coffee.example.cn");
        await cut.Find("[data-testid=enterprise-save]").ClickAsync(new());

        var sent = Sender.Sent.OfType<UpdateEnterprise>().Single();
        Assert.Equal((existing.Id, 7, "昆山咖啡", "https://coffee.example.cn"), (sent.Id, sent.Version, sent.NameZh, sent.Website));
        Assert.NotEmpty(cut.Find("[data-testid=enterprise-form-error]").TextContent);
        Assert.Empty(Sender.Sent.OfType<CreateEnterprise>());
    }
}
