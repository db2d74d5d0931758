using KunshanInvest.Domain.Common;

namespace KunshanInvest.Domain.Enterprises;

public sealed class Contact : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int TitleMaxLength = 100;
    public const int PhoneMaxLength = 40;
    public const int EmailMaxLength = 256;
    public const int WeChatMaxLength = 100;

    private Contact() { }

    public Contact(Guid enterpriseId, string name)
    {
        EnterpriseId = enterpriseId;
        Name = name;
    }

    public Guid EnterpriseId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Title { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? WeChat { get; private set; }
    public bool IsDemo { get; private set; }

    public void Reach(string? title, string? phone, string? email, string? weChat)
    {
        Title = title;
        Phone = phone;
        Email = email;
        WeChat = weChat;
    }

    public void MarkDemo() => IsDemo = true;

    public void Rename(string name) => Name = name;

    public void MoveToEnterprise(Guid enterpriseId) => EnterpriseId = enterpriseId;
}
