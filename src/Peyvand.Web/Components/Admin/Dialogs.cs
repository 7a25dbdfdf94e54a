using MudBlazor;

namespace Peyvand.Web.Components.Admin;

internal static class Dialogs
{
    // Full width up to "small" so forms stay readable on a phone as on a desktop.
    public static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true };
}
