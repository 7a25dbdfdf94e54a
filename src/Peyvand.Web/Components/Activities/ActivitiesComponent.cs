using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Peyvand.Customers.Domain;
using Peyvand.Customers.Features;
using Peyvand.Identity.Features;
using Peyvand.Kernel.Localization;
using Peyvand.Kernel.Resources;
using Peyvand.Web.Components.Customers;
using Peyvand.Web.Components.Shared;

namespace Peyvand.Web.Components.Activities;

/// <summary>What the activity components share: the customer pages' service calls, plus the user's clock and colleagues' names.</summary>
public abstract class ActivitiesComponent : CustomersPage
{
    [Inject] protected IStringLocalizer<ActivitiesText> A { get; set; } = default!;

    protected UserClock Clock { get; private set; } = UserClock.For(null);

    protected override async Task OnInitializedAsync() => Clock = await Operations.ClockAsync();

    protected Task<IReadOnlyList<UserSummary>> ColleaguesAsync() =>
        RunAsync<UserDirectory, IReadOnlyList<UserSummary>>(d => d.ListAsync(null, 1000, CancellationToken.None));

    protected static string NameOf(IReadOnlyList<UserSummary> users, Guid? id) =>
        id is { } known && users.FirstOrDefault(u => u.Id == known) is { } user ? user.DisplayName : "—";

    protected string When(DateTime? utc) => utc is { } at ? Clock.DateTime(at) : "—";

    protected string KindText(ActivityKind kind) => A["Kind_" + kind];

    protected static string KindIcon(string type) => type switch
    {
        "note" => MudBlazor.Icons.Material.Filled.StickyNote2,
        "task" => MudBlazor.Icons.Material.Filled.TaskAlt,
        "call" => MudBlazor.Icons.Material.Filled.Call,
        "meeting" => MudBlazor.Icons.Material.Filled.Event,
        "change" => MudBlazor.Icons.Material.Filled.History,
        _ => MudBlazor.Icons.Material.Filled.Circle,
    };

    /// <summary>Marks a task done (or open again) through the API's own update, as PATCH {"done": …} does.</summary>
    protected Task<bool> SetDoneAsync(Guid id, bool done) => TryAsync(() => RunAsync<ResourceService<Activity, ActivityWrite, ActivityView>, bool>(async s =>
    {
        var write = await s.GetForEditAsync(id, CancellationToken.None);
        await s.UpdateAsync(id, write with { Done = done }, null, CancellationToken.None);
        return true;
    }));

    protected string DurationText(int? seconds) =>
        seconds is { } s ? Num(string.Format(CultureInfo.InvariantCulture, "{0}:{1:00}", s / 60, s % 60)) : "—";
}
