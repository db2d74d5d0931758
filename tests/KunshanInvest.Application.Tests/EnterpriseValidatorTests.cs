using KunshanInvest.Application.Contacts.AddContact;
using KunshanInvest.Application.Enterprises.CreateEnterprise;
using KunshanInvest.Application.Enterprises.ListEnterprises;
using KunshanInvest.Application.Enterprises.UpdateEnterprise;
using KunshanInvest.Domain.Enterprises;

namespace KunshanInvest.Application.Tests;

public sealed class EnterpriseValidatorTests
{
    private static readonly CreateEnterprise Valid = new("福斯咖啡", "Fourth Coffee", null, "US", Ownership.Foreign);

    public static TheoryData<string, string> BadCreditCodes => new()
    {
        { "91320583MA0DE0013", "18 位" },                  // 17 characters
        { "91320583MA0DE0013CX", "18 位" },                // 19
        { "91320583MA0DE0O13C", "I、O、S、V、Z" },          // letter O for zero
        { "91320583MA0DE-013C", "I、O、S、V、Z" },
        { Codes.WithWrongCheckCharacter("91320583MA0DE0013C"), "校验位" },
    };

    [Theory]
    [MemberData(nameof(BadCreditCodes))]
    public void A_bad_credit_code_names_the_field_and_says_what_is_wrong(string code, string expected)
    {
        var result = new CreateEnterpriseValidator().Validate(Valid with { CreditCode = code });

        var error = Assert.Single(result.Errors);
        Assert.Equal("CreditCode", error.PropertyName);
        Assert.Contains(expected, error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91320583MA0DE0013C")]
    [InlineData("９１３２０５８３ｍａ０ｄｅ００１３ｃ")] // full-width and lower case, as pasted from a web page
    [InlineData(" 91320583ma0de0013c ")]
    [InlineData("")]
    [InlineData(null)]
    public void A_valid_or_absent_credit_code_passes(string? code)
    {
        Assert.True(new CreateEnterpriseValidator().Validate(Valid with { CreditCode = code }).IsValid);
    }

    [Fact]
    public void An_enterprise_needs_a_chinese_or_an_english_name()
    {
        var result = new CreateEnterpriseValidator().Validate(Valid with { NameZh = " ", NameEn = null });

        Assert.Equal(["NameEn", "NameZh"], result.Errors.Select(e => e.PropertyName).Distinct().Order(StringComparer.Ordinal));
        Assert.True(new CreateEnterpriseValidator().Validate(Valid with { NameZh = null }).IsValid);
    }

    [Theory]
    [InlineData("us", "Country")]
    [InlineData("USA", "Country")]
    [InlineData("", "Country")]
    public void Country_is_an_upper_case_iso_code(string country, string field)
    {
        var result = new CreateEnterpriseValidator().Validate(Valid with { Country = country });

        Assert.Contains(result.Errors, e => e.PropertyName == field);
    }

    [Theory]
    [InlineData("ftp://fourthcoffee.example")]
    [InlineData("fourthcoffee.example")]
    [InlineData("javascript:alert(1)")]
    public void A_website_is_an_http_address(string website)
    {
        var result = new UpdateEnterpriseValidator().Validate(
            new UpdateEnterprise(Guid.NewGuid(), 0, "福斯咖啡", null, null, "US", Ownership.Foreign, Website: website));

        Assert.Equal("Website", Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void Lengths_and_the_ownership_enum_are_checked()
    {
        var result = new CreateEnterpriseValidator().Validate(
            Valid with { NameZh = new string('企', Enterprise.NameMaxLength + 1), Note = new string('x', Enterprise.NoteMaxLength + 1), Ownership = (Ownership)9 });

        Assert.Equal(["NameZh", "Note", "Ownership"], result.Errors.Select(e => e.PropertyName).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("", null, null, "Name")]
    [InlineData("张三", "0512-5555 0101 ext. 8", null, "Phone")]
    [InlineData("张三", "abc", null, "Phone")]
    [InlineData("张三", null, "zhang.san", "Email")]
    [InlineData("张三", null, "Zhang San <zhang.san@example.com>", "Email")]
    public void A_contact_needs_a_name_and_well_formed_phone_and_email(string name, string? phone, string? email, string field)
    {
        var result = new AddContactValidator().Validate(new AddContact(Guid.NewGuid(), name, null, phone, email, null));

        Assert.Equal(field, Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void A_typical_contact_passes()
    {
        var result = new AddContactValidator().Validate(new AddContact(Guid.NewGuid(), "张三", "总经理", "+86 (512) 5550-0101 #8001", "zhang.san@example.com", "demo_zhangsan"));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void The_page_size_is_bounded(int pageSize)
    {
        Assert.Contains(new ListEnterprisesValidator().Validate(new ListEnterprises(PageSize: pageSize)).Errors, e => e.PropertyName == "PageSize");
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("eyJTb3J0IjoiY29kZSIsIktleSI6bnVsbCwiQ29kZSI6IktTLTIwMjYtMDAwMDEifQ")] // a cursor of another list (sort "code")
    public void A_foreign_cursor_is_refused(string cursor)
    {
        Assert.Contains(new ListEnterprisesValidator().Validate(new ListEnterprises(Cursor: cursor)).Errors, e => e.PropertyName == "Cursor");
    }
}
