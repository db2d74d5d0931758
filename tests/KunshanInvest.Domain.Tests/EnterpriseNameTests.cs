using KunshanInvest.Domain.Enterprises;

namespace KunshanInvest.Domain.Tests;

public sealed class EnterpriseNameTests
{
    [Theory]
    [InlineData("瑞幸咖啡（中国）有限公司", "瑞幸咖啡(中国)")]
    [InlineData("瑞幸咖啡（中国）有限公司", "瑞幸咖啡 ( 中国 ) 有限公司")]
    [InlineData("Luckin Coffee Inc.", "LUCKIN  COFFEE")]
    [InlineData("Fourth Coffee (Kunshan) Co., Ltd.", "fourth coffee")]
    [InlineData("Fourth Coffee (Kunshan) Company Limited", "Fourth Coffee （KUNSHAN）")]
    [InlineData("Contoso Corporation", "contoso")]
    [InlineData("Contoso GmbH", "CONTOSO")]
    [InlineData("昆山某某电子有限责任公司", "昆山某某电子")]
    [InlineData("昆山某某集团公司", "昆山某某")]
    public void Spellings_of_the_same_company_share_a_key(string one, string other)
    {
        // Arrange / Act
        var oneKey = EnterpriseName.Key(one);
        var otherKey = EnterpriseName.Key(other);

        // Assert
        Assert.Equal(oneKey, otherKey);
    }

    [Fact]
    public void Chinese_name_key_drops_the_bracketed_region_and_legal_form()
    {
        // Arrange / Act
        var key = EnterpriseName.Key("瑞幸咖啡（中国）有限公司");

        // Assert
        Assert.Equal("瑞幸咖啡", key);
    }

    [Fact]
    public void English_name_key_is_lower_case_without_spaces_punctuation_or_legal_form()
    {
        // Arrange / Act
        var key = EnterpriseName.Key("Fourth Coffee (Kunshan) Co., Ltd.");

        // Assert
        Assert.Equal("fourthcoffee", key);
    }

    [Fact]
    public void Joint_stock_suffix_is_stripped_fully()
    {
        // Arrange / Act
        var key = EnterpriseName.Key("昆山龙腾光电股份有限公司");

        // Assert
        Assert.Equal("昆山龙腾光电", key);
        Assert.DoesNotContain("股份", key, StringComparison.Ordinal);
        Assert.Equal(EnterpriseName.Key("昆山龙腾光电有限公司"), key);
    }

    [Fact]
    public void Full_width_latin_letters_fold_to_the_half_width_key()
    {
        // Arrange
        const string fullWidth = "ＬＵＣＫＩＮ　ＣＯＦＦＥＥ　ＩＮＣ．";

        // Act
        var key = EnterpriseName.Key(fullWidth);

        // Assert
        Assert.Equal("luckincoffee", key);
        Assert.Equal(EnterpriseName.Key("Luckin Coffee Inc."), key);
    }

    [Fact]
    public void Full_width_digits_fold_too()
    {
        // Arrange / Act
        var fullWidth = EnterpriseName.Key("昆山第３电子厂");
        var halfWidth = EnterpriseName.Key("昆山第3电子厂");

        // Assert
        Assert.Equal(halfWidth, fullWidth);
    }

    [Theory]
    [InlineData("瑞幸咖啡（中国）有限公司", "星巴克咖啡（中国）有限公司")]
    [InlineData("Luckin Coffee Inc.", "Fourth Coffee Inc.")]
    [InlineData("Fourth Coffee (Kunshan) Co., Ltd.", "Fifth Coffee (Kunshan) Co., Ltd.")]
    [InlineData("某某（集团）有限公司", "某某有限公司")]
    [InlineData("昆山龙腾光电股份有限公司", "昆山龙腾光电科技有限公司")]
    public void Different_companies_have_different_keys(string one, string other)
    {
        // Arrange / Act
        var oneKey = EnterpriseName.Key(one);
        var otherKey = EnterpriseName.Key(other);

        // Assert
        Assert.NotEqual(oneKey, otherKey);
    }

    [Theory]
    [InlineData("Costco", "costco")]
    [InlineData("Costco Inc.", "costco")]
    [InlineData("Visa", "visa")]
    [InlineData("Visa Inc.", "visa")]
    [InlineData("Tesco PLC", "tesco")]
    [InlineData("Pepsico", "pepsico")]
    [InlineData("Pepsi Co.", "pepsi")]
    public void Latin_legal_forms_are_stripped_only_as_whole_trailing_words(string name, string expectedKey)
    {
        // Arrange / Act: "co", "sa" … at the end of a word are part of the name, not a legal form.
        var key = EnterpriseName.Key(name);

        // Assert
        Assert.Equal(expectedKey, key);
    }

    [Fact]
    public void A_legal_form_word_inside_the_name_is_kept()
    {
        // Arrange / Act
        var key = EnterpriseName.Key("Contoso Co Logistics Ltd.");

        // Assert
        Assert.Equal("contosocologistics", key);
    }

    [Theory]
    [InlineData("Costco", "Costco Inc.")]
    [InlineData("Visa", "Visa Inc.")]
    public void Whole_word_legal_form_makes_names_meet(string one, string other)
    {
        // Arrange / Act
        var oneKey = EnterpriseName.Key(one);
        var otherKey = EnterpriseName.Key(other);

        // Assert
        Assert.Equal(oneKey, otherKey);
    }

    [Theory]
    [InlineData("Pepsico", "Pepsi")]
    [InlineData("Costco", "Cost")]
    [InlineData("Visa", "Vi")]
    public void A_name_ending_in_the_letters_of_a_legal_form_does_not_meet_the_shorter_name(string one, string other)
    {
        // Arrange / Act
        var oneKey = EnterpriseName.Key(one);
        var otherKey = EnterpriseName.Key(other);

        // Assert
        Assert.NotEqual(oneKey, otherKey);
    }

    [Fact]
    public void Chinese_legal_form_is_stripped_only_at_the_end()
    {
        // Arrange / Act
        var key = EnterpriseName.Key("昆山公司之家科技有限公司");

        // Assert
        Assert.Equal("昆山公司之家科技", key);
    }

    [Theory]
    [InlineData("有限公司")]
    [InlineData("Co., Ltd.")]
    [InlineData("Inc.")]
    public void A_name_that_is_only_a_legal_form_keeps_a_non_empty_key(string name)
    {
        // Arrange / Act
        var key = EnterpriseName.Key(name);

        // Assert
        Assert.NotEmpty(key);
    }

    [Fact]
    public void Null_name_is_rejected()
    {
        // Arrange / Act / Assert
        Assert.Throws<ArgumentNullException>(() => EnterpriseName.Key(null!));
    }

    [Fact]
    public void Enterprise_keeps_keys_for_both_names()
    {
        // Arrange / Act
        var enterprise = new Enterprise(" 瑞幸咖啡（中国）有限公司 ", "Luckin Coffee Inc.", "CN", Ownership.Domestic);

        // Assert
        Assert.Equal("瑞幸咖啡（中国）有限公司", enterprise.NameZh);
        Assert.Equal("瑞幸咖啡", enterprise.NameZhKey);
        Assert.Equal("luckincoffee", enterprise.NameEnKey);
        Assert.Equal("瑞幸咖啡（中国）有限公司", enterprise.DisplayName);
    }
}
