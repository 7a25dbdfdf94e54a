namespace Peyvand.Web.Components.Activities;

/// <summary>Per circuit: tells the bell that notifications were read here, so its count follows at once.</summary>
public sealed class NotificationSignal
{
    public event Func<Task>? Changed;

    public Task RaiseAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
