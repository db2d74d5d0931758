using KunshanInvest.Application.Admin.Users;
using KunshanInvest.Application.Common.Security;
using KunshanInvest.Application.Sectors.ListSectors;
using KunshanInvest.Web.Components.Admin;
using MudBlazor;
using MudBlazor.Extensions;

namespace KunshanInvest.Web.Tests;

public sealed class UserEditorTests : ComponentTest
{
    private static readonly SectorDto Coffee = new(Guid.NewGuid(), "coffee", "咖啡", "Coffee", null, null, true, 1);

    private static AdminUserDto User(bool disabled = false) =>
        new(Guid.NewGuid(), "officer2", "李静", null, [Roles.Officer], disabled, false, DateTime.UtcNow, [], [], 0);

    private IReadOnlyCollection<string>? _savedRoles;
    private int _disables;
    private int _enables;

    private IRenderedComponent<UserEditor> RenderEditor(AdminUserDto user, UserEditDraft draft, string? passwordError = null) =>
        Render<UserEditor>(p => p
            .Add(x => x.User, user)
            .Add(x => x.Draft, draft)
            .Add(x => x.Sectors, [Coffee])
            .Add(x => x.PasswordError, passwordError)
            .Add(x => x.SaveRoles, roles => _savedRoles = roles)
            .Add(x => x.Disable, () => _disables++)
            .Add(x => x.Enable, () => _enables++));

    private static IRenderedComponent<MudSelect<string>> RoleSelect(IRenderedComponent<UserEditor> cut) => cut.FindComponent<MudSelect<string>>();

    [Fact]
    public void The_editor_starts_from_the_roles_in_the_draft()
    {
        var cut = RenderEditor(User(), new UserEditDraft { Roles = [Roles.Officer] });

        Assert.Equal([Roles.Officer], RoleSelect(cut).Instance.GetState(x => x.SelectedValues));
        Assert.Equal(Roles.All.Count, cut.FindComponents<MudSelectItem<string>>().Count);
    }

    [Fact]
    public async Task Toggling_roles_on_and_off_then_saving_hands_the_page_the_new_roles()
    {
        var draft = new UserEditDraft { Roles = [Roles.Officer] };
        var cut = RenderEditor(User(), draft);

        await cut.InvokeAsync(() => RoleSelect(cut).Instance.SelectedValuesChanged.InvokeAsync([Roles.Officer, Roles.Manager]));
        await cut.InvokeAsync(() => RoleSelect(cut).Instance.SelectedValuesChanged.InvokeAsync([Roles.Manager]));
        await cut.Find("[data-testid=save-roles]").ClickAsync(new());

        Assert.Equal([Roles.Manager], draft.Roles);
        Assert.Equal([Roles.Manager], _savedRoles);
    }

    [Fact]
    public async Task An_active_user_can_be_disabled_but_not_enabled()
    {
        var cut = RenderEditor(User(), new UserEditDraft());

        await cut.Find("[data-testid=disable-user]").ClickAsync(new());

        Assert.Empty(cut.FindAll("[data-testid=enable-user]"));
        Assert.Equal(1, _disables);
    }

    [Fact]
    public async Task A_disabled_user_can_be_enabled_but_not_disabled()
    {
        var cut = RenderEditor(User(disabled: true), new UserEditDraft());

        await cut.Find("[data-testid=enable-user]").ClickAsync(new());

        Assert.Empty(cut.FindAll("[data-testid=disable-user]"));
        Assert.Equal(1, _enables);
    }

    [Fact]
    public void A_rejected_password_is_shown_on_the_password_field()
    {
        var cut = RenderEditor(User(), new UserEditDraft(), passwordError: "密码至少 10 位");

        var field = cut.FindComponents<MudTextField<string>>().Single();
        Assert.True(field.Instance.GetState(x => x.Error));
        Assert.Contains("密码至少 10 位", cut.Markup, StringComparison.Ordinal);
    }
}
