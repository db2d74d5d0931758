using MudBlazor;

namespace KunshanInvest.Web.Components;

/// <summary>Dialog options shared by the edit dialogs: full width up to a form's width, so a phone gets the whole screen's width.</summary>
public static class Dialogs
{
    public static DialogOptions Form { get; } = new() { FullWidth = true, MaxWidth = MaxWidth.Small, CloseButton = true, CloseOnEscapeKey = true };
}
