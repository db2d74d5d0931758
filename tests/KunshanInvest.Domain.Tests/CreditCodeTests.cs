using KunshanInvest.Domain.Common;
using KunshanInvest.Domain.Enterprises;
using KunshanInvest.Domain.Projects;

namespace KunshanInvest.Domain.Tests;

public sealed class CreditCodeTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>A valid code built from 17 characters plus the check character the algorithm computes.</summary>
    private static string Complete(string first17) => first17 + CreditCode.CheckCharacter(first17);

    private static readonly string ValidKunshanCode = Complete("91320583MA1QWERT0");

    public static TheoryData<string> ComputedValidCodes() =>
    [
        Complete("91320583MA1QWERT0"), // 企业, 江苏昆山
        Complete("91320583MA27XY0B1"),
        Complete("12320583466000000"), // 机关/事业单位
        Complete("52320583MJ5A0T8N9"), // 社会组织
        Complete("91310000000000000"),
        Complete("92320583MA1PQRTUW"), // 个体工商户
        Complete("00000000000000000"),
        Complete("YYYYYYYYYYYYYYYYY"),
    ];

    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91320583MA0DE0013C")]
    public void Literal_real_format_codes_are_valid(string code)
    {
        // Arrange: guard that the literal really carries the check character the GB 32100 algorithm gives.
        var expectedCheck = CreditCode.CheckCharacter(code.AsSpan(0, 17));
        Assert.Equal(expectedCheck, code[^1]);

        // Act
        var problem = CreditCode.Check(code);

        // Assert
        Assert.Equal(CreditCode.Problem.None, problem);
        Assert.True(CreditCode.IsValid(code));
    }

    [Theory]
    [MemberData(nameof(ComputedValidCodes))]
    public void Codes_with_the_computed_check_character_are_valid(string code)
    {
        // Arrange / Act
        var problem = CreditCode.Check(code);

        // Assert
        Assert.Equal(CreditCode.Length, code.Length);
        Assert.Equal(CreditCode.Problem.None, problem);
        Assert.True(CreditCode.IsValid(code));
    }

    [Fact]
    public void Check_character_is_zero_when_the_weighted_sum_is_a_multiple_of_31()
    {
        // Arrange: all zeros gives a weighted sum of 0; 31 − 0 = 31, which maps to '0'.
        const string first17 = "00000000000000000";

        // Act
        var check = CreditCode.CheckCharacter(first17);

        // Assert
        Assert.Equal('0', check);
    }

    [Fact]
    public void Check_character_matches_a_hand_computed_example()
    {
        // Arrange: "10000000000000000" → sum = 1·1 = 1; 31 − 1 = 30 → Alphabet[30] = 'Y'.
        const string first17 = "10000000000000000";

        // Act
        var check = CreditCode.CheckCharacter(first17);

        // Assert
        Assert.Equal('Y', check);
    }

    [Theory]
    [InlineData("9132058")]
    [InlineData("913205830000000000000")]
    public void Check_character_needs_exactly_17_characters(string input)
    {
        // Arrange / Act / Assert
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter(input));
    }

    [Fact]
    public void Check_character_rejects_a_character_outside_the_alphabet()
    {
        // Arrange / Act / Assert
        Assert.Throws<ArgumentException>(() => CreditCode.CheckCharacter("91320583MA1QWERTO"));
    }

    [Fact]
    public void Every_wrong_check_character_is_reported_as_wrong_check_character()
    {
        // Arrange
        var first17 = ValidKunshanCode[..17];
        var wrongChecks = Alphabet.Where(c => c != ValidKunshanCode[^1]).ToList();

        // Act
        var problems = wrongChecks.Select(c => CreditCode.Check(first17 + c)).ToList();

        // Assert
        Assert.Equal(30, problems.Count);
        Assert.All(problems, p => Assert.Equal(CreditCode.Problem.WrongCheckCharacter, p));
    }

    [Fact]
    public void Swapping_two_body_characters_is_caught_by_the_check_character()
    {
        // Arrange: 91320583MA1QWERT0 → 91320583MA1QWETR0 keeps the old check character.
        var swapped = "91320583MA1QWETR0" + ValidKunshanCode[^1];

        // Act
        var problem = CreditCode.Check(swapped);

        // Assert
        Assert.Equal(CreditCode.Problem.WrongCheckCharacter, problem);
        Assert.False(CreditCode.IsValid(swapped));
    }

    [Theory]
    [InlineData("")]
    [InlineData("91320583MA0DE0013")]
    [InlineData("91320583MA0DE0013CX")]
    [InlineData(" 91320583MA0DE0013C")]
    public void Codes_that_are_not_18_characters_are_reported_as_wrong_length(string code)
    {
        // Arrange / Act
        var problem = CreditCode.Check(code);

        // Assert
        Assert.Equal(CreditCode.Problem.WrongLength, problem);
        Assert.False(CreditCode.IsValid(code));
    }

    [Theory]
    [InlineData('I')]
    [InlineData('O')]
    [InlineData('S')]
    [InlineData('V')]
    [InlineData('Z')]
    [InlineData('a')]
    [InlineData('m')]
    [InlineData('-')]
    [InlineData(' ')]
    [InlineData('昆')]
    [InlineData('９')]
    public void Codes_with_a_character_outside_the_alphabet_are_reported_as_illegal_character(char illegal)
    {
        // Arrange: replace the 9th character ('M' in 91320583MA0DE0013C) keeping the length at 18.
        var code = "91320583" + illegal + "A0DE0013C";

        // Act
        var problem = CreditCode.Check(code);

        // Assert
        Assert.Equal(CreditCode.Length, code.Length);
        Assert.Equal(CreditCode.Problem.IllegalCharacter, problem);
        Assert.False(CreditCode.IsValid(code));
    }

    [Fact]
    public void Lower_case_code_is_an_illegal_character_until_normalized()
    {
        // Arrange
        const string lower = "91320583ma0de0013c";

        // Act
        var raw = CreditCode.Check(lower);
        var normalized = CreditCode.Check(CreditCode.Normalize(lower));

        // Assert
        Assert.Equal(CreditCode.Problem.IllegalCharacter, raw);
        Assert.Equal(CreditCode.Problem.None, normalized);
    }

    [Fact]
    public void Null_is_not_valid_and_check_rejects_it()
    {
        // Arrange / Act / Assert
        Assert.False(CreditCode.IsValid(null));
        Assert.Throws<ArgumentNullException>(() => CreditCode.Check(null!));
    }

    [Theory]
    [InlineData("91320583ma0de0013c", "91320583MA0DE0013C")]
    [InlineData("９１３２０５８３ＭＡ０ＤＥ００１３Ｃ", "91320583MA0DE0013C")]
    [InlineData("９１３２０５８３ｍａ０ｄｅ００１３ｃ", "91320583MA0DE0013C")]
    [InlineData("  91350100m000100y43\t", "91350100M000100Y43")]
    [InlineData("　91320583MA0DE0013C　", "91320583MA0DE0013C")]
    [InlineData("91320583MA0DE0013C", "91320583MA0DE0013C")]
    public void Normalize_turns_full_width_and_lower_case_into_the_canonical_form(string pasted, string canonical)
    {
        // Arrange / Act
        var normalized = CreditCode.Normalize(pasted);

        // Assert
        Assert.Equal(canonical, normalized);
        Assert.True(CreditCode.IsValid(normalized));
    }

    // ---- Enterprise.SetCreditCode ----

    [Theory]
    [InlineData("91320583MA0DE0013D")]
    [InlineData("91320583MA0DE0013")]
    [InlineData("91320583OA0DE0013C")]
    [InlineData("not a credit code")]
    public void Enterprise_rejects_an_invalid_credit_code(string code)
    {
        // Arrange
        var enterprise = new Enterprise("瑞幸咖啡（中国）有限公司", "Luckin Coffee", "CN", Ownership.Domestic);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => enterprise.SetCreditCode(code));

        // Assert
        Assert.Equal("enterprise.creditCode", ex.Code);
        Assert.Null(enterprise.CreditCode);
    }

    [Fact]
    public void Enterprise_keeps_its_previous_code_when_a_new_one_is_invalid()
    {
        // Arrange
        var enterprise = new Enterprise("瑞幸咖啡（中国）有限公司", null, "CN", Ownership.Domestic);
        enterprise.SetCreditCode("91350100M000100Y43");

        // Act
        Assert.Throws<DomainRuleException>(() => enterprise.SetCreditCode("91350100M000100Y44"));

        // Assert
        Assert.Equal("91350100M000100Y43", enterprise.CreditCode);
    }

    [Fact]
    public void Enterprise_stores_a_valid_credit_code_in_canonical_form()
    {
        // Arrange
        var enterprise = new Enterprise("昆山某某电子有限公司", null, "CN", Ownership.Domestic);

        // Act
        enterprise.SetCreditCode(" ９１３２０５８３ma0de0013c ");

        // Assert
        Assert.Equal("91320583MA0DE0013C", enterprise.CreditCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Enterprise_treats_a_missing_credit_code_as_not_registered(string? code)
    {
        // Arrange
        var enterprise = new Enterprise(null, "Fourth Coffee GmbH", "DE", Ownership.Foreign);
        enterprise.SetCreditCode("91320583MA0DE0013C");

        // Act
        enterprise.SetCreditCode(code);

        // Assert
        Assert.Null(enterprise.CreditCode);
    }

    // ---- InvestmentProject.RegisterProjectCompany ----

    [Fact]
    public void Project_rejects_an_invalid_project_company_credit_code()
    {
        // Arrange
        var project = new InvestmentProject("KS-2026-00001", "Roastery", SourceChannel.Expo, Guid.NewGuid(), DateTime.UtcNow);

        // Act
        var ex = Assert.Throws<DomainRuleException>(() => project.RegisterProjectCompany("91320583MA0DE0013D"));

        // Assert
        Assert.Equal("project.projectCompanyCreditCode", ex.Code);
        Assert.Null(project.ProjectCompanyCreditCode);
    }

    [Fact]
    public void Project_stores_the_project_company_credit_code_in_canonical_form()
    {
        // Arrange
        var project = new InvestmentProject("KS-2026-00001", "Roastery", SourceChannel.Expo, Guid.NewGuid(), DateTime.UtcNow);

        // Act
        project.RegisterProjectCompany("91320583ma0de0013c");

        // Assert
        Assert.Equal("91320583MA0DE0013C", project.ProjectCompanyCreditCode);
    }
}
