namespace KunshanInvest.Application.Common.Messages;

public static partial class M
{
    public static readonly Msg NeedsAName = new("enterprise.needs_name", "请填写中文名称或英文名称。", "Give a Chinese or an English name.");
    public static readonly Msg NameTooLong = new("enterprise.name_too_long", "名称过长。", "The name is too long.");
    public static readonly Msg EnterpriseCountry = new("enterprise.country", "国家/地区须为两位大写字母代码(如 CN、US)。", "Country must be an ISO 3166 two-letter code in capitals, e.g. CN or US.");
    public static readonly Msg Website = new("enterprise.website", "网址须为 http:// 或 https:// 开头的完整地址。", "The website must be a full http:// or https:// address.");
    public static readonly Msg CreditCodeLength = new("credit_code.length", "统一社会信用代码应为 18 位,现为 {length} 位。", "A unified social credit code has 18 characters; this one has {length}.");
    public static readonly Msg CreditCodeCharacter = new("credit_code.character", "统一社会信用代码只含数字和大写字母(不含 I、O、S、V、Z)。", "A credit code holds only digits and capital letters other than I, O, S, V and Z.");
    public static readonly Msg CreditCodeCheck = new("credit_code.check", "统一社会信用代码校验位不符,请核对是否有字符抄错。", "The credit code's check character does not match: a character is probably mistyped.");
    public static readonly Msg CreditCodeTaken = new("enterprise.creditCodeTaken", "已有企业使用该统一社会信用代码。", "An enterprise with this credit code already exists.");
    public static readonly Msg PossibleDuplicate = new("enterprise.possibleDuplicate", "已有名称相同或相近的企业;确认不是同一家后可再次提交 (confirmNotDuplicate)。", "Enterprises with the same name exist; resend with confirmNotDuplicate if this is a different company.");
    public static readonly Msg EnterpriseMerged = new("enterprise.merged", "该企业已合并,请在保留的企业上操作。", "This enterprise was merged into another: use that one.");
    public static readonly Msg MergeIntoItself = new("enterprise.merge_self", "不能将企业合并到其自身。", "An enterprise cannot be merged into itself.");
    public static readonly Msg ContactName = new("contact.name", "请填写联系人姓名。", "Give the contact's name.");
    public static readonly Msg ContactPhone = new("contact.phone", "电话只能包含数字、空格和 + - ( ) #(分机)。", "A phone number holds digits, spaces and + - ( ) # (extension) only.");
}
