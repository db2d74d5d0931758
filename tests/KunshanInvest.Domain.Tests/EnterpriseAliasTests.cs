using System.Diagnostics;
using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;

namespace KunshanInvest.Domain.Tests;

public sealed class EnterpriseAliasTests
{
    [Theory]
    [InlineData("瑞幸咖啡（中国）有限公司", "瑞幸咖啡")]
    [InlineData("瑞幸咖啡(中国)(昆山)有限公司", "瑞幸咖啡")]
    [InlineData("瑞幸咖啡（昆山）有限公司", "瑞幸咖啡")]
    [InlineData("Luckin Coffee (China) Co., Ltd.", "luckincoffee")]
    [InlineData("Luckin Coffee (Asia Pacific) Inc.", "luckincoffee")]
    [InlineData("友达光电（苏州）有限公司", "友达光电")]
    [InlineData("某某（集团）有限公司", "某某集团")]
    [InlineData("某某(中国", "某某")]
    [InlineData("某某(中国人", "某某中国人")]
    public void Region_qualifiers_in_either_bracket_are_ignored_and_other_brackets_kept(string name, string key)
    {
        Assert.Equal(key, EnterpriseName.Key(name));
    }

    [Fact]
    public void Subsidiaries_named_after_different_regions_meet_and_are_told_apart_by_credit_code()
    {
        // By design: the key says "probably the same group"; a credit code, when known, decides.
        Assert.Equal(EnterpriseName.Key("Fourth Coffee (Kunshan) Co., Ltd."), EnterpriseName.Key("Fourth Coffee (Suzhou) Co., Ltd."));
    }

    [Fact]
    public void A_brand_alias_makes_the_registered_name_of_the_chinese_subsidiary_meet_the_short_name()
    {
        // 瑞幸 is seeded by its short name; the brand alias 瑞幸咖啡 is what the full registered name reduces to.
        var brand = new EnterpriseAlias(Guid.CreateVersion7(), " 瑞幸咖啡 ", AliasKind.Brand);

        Assert.Equal("瑞幸咖啡", brand.Text);
        Assert.Equal(brand.Key, EnterpriseName.Key("瑞幸咖啡（中国）有限公司"));
        Assert.NotEqual(brand.Key, EnterpriseName.Key("瑞幸"));
    }

    [Theory]
    [InlineData("AUO", "友达光电")]
    [InlineData("auo", "友达光电（昆山）有限公司")]
    public void An_english_alias_matches_its_spellings(string typed, string registered)
    {
        var enterprise = new Enterprise(registered, "AU Optronics", "TW", Ownership.HongKongMacaoTaiwan);
        var alias = new EnterpriseAlias(enterprise.Id, "AUO", AliasKind.English);

        Assert.Equal("auo", alias.Key);
        Assert.Equal(alias.Key, EnterpriseName.Key(typed));
        Assert.Equal("友达光电", enterprise.NameZhKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("（）-")]
    public void An_alias_needs_letters_or_digits(string text)
    {
        var refused = Assert.Throws<DomainRuleException>(() => new EnterpriseAlias(Guid.CreateVersion7(), text, AliasKind.Abbreviation));
        Assert.Equal("alias.text", refused.Code);
    }

    [Fact]
    public void An_alias_longer_than_a_name_or_of_an_unknown_kind_is_refused()
    {
        Assert.Equal("alias.text", Assert.Throws<DomainRuleException>(() => new EnterpriseAlias(Guid.CreateVersion7(), new string('名', 201), AliasKind.Former)).Code);
        Assert.Equal("alias.kind", Assert.Throws<DomainRuleException>(() => new EnterpriseAlias(Guid.CreateVersion7(), "AUO", (AliasKind)9)).Code);
    }

    [Fact]
    public void The_key_reads_at_most_the_bounded_prefix_of_any_input()
    {
        var huge = string.Concat(Enumerable.Repeat("（中国", 500_000));

        var key = EnterpriseName.Key(huge);

        Assert.True(key.Length <= EnterpriseName.MaxInputLength);
        Assert.Equal(EnterpriseName.Key(huge[..EnterpriseName.MaxInputLength]), key);
    }

    [Theory]
    [InlineData("(")]
    [InlineData("(中国")]
    [InlineData("((((((((((((((((((中国)")]
    [InlineData("(a")]
    [InlineData("(中国)")]
    public void Adversarial_brackets_cost_about_what_plain_text_of_the_same_length_costs(string unit)
    {
        // Unclosed and nested brackets are where a backtracking matcher goes quadratic: at the bounded length of 1,000
        // characters that would be hundreds of times plain text. Here each '(' looks at most MaxQualifierLength ahead,
        // so the cost stays within a small factor (15× allows for a shared, noisy machine; best of seven runs).
        static double Time(string text)
        {
            var best = double.MaxValue;
            for (var run = 0; run < 7; run++)
            {
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < 300; i++)
                {
                    EnterpriseName.Key(text);
                }

                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            return best;
        }

        var length = EnterpriseName.MaxInputLength;
        var adversarial = string.Concat(Enumerable.Repeat(unit, length / unit.Length + 1))[..length];
        var plain = string.Concat(Enumerable.Repeat("瑞幸咖啡 luckin ", length / 10 + 1))[..length];
        for (var i = 0; i < 2000; i++)
        {
            EnterpriseName.Key(adversarial);
            EnterpriseName.Key(plain);
        }

        var ratio = Time(adversarial) / Math.Max(Time(plain), 0.01);

        Assert.True(ratio < 15, $"adversarial input took {ratio:0.0}× plain text of the same length");
    }
}
