using MudBlazor;

namespace Peyvand.Web.Components.Shared;

/// <summary>
/// The check every Save runs first. <see cref="DateField"/>, <see cref="TimeField"/> and <see cref="NumberField{TNumber}"/>
/// keep the last accepted value while they hold a refused entry (30 Esfand 1402, 24:30, "12a"), so saving then would
/// quietly store the old value: their inner input reports the refusal to the enclosing <see cref="MudForm"/>, and the
/// form is not saved until it is corrected.
/// </summary>
public static class FormChecks
{
    /// <summary>True when every field of the form holds an accepted entry; otherwise the fields show their messages.</summary>
    public static async Task<bool> AcceptsAsync(this MudForm? form)
    {
        if (form is null)
            return true;
        await form.ValidateAsync();
        // Only the fields' own checks count (a refused date, a required field left empty). Not IsValid: it also counts
        // fields still showing the server's message from the previous attempt, which would refuse every retry.
        return form.Errors.Length == 0;
    }
}
