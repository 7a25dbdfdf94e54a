namespace Peyvand.Web.Components.Activities;

/// <summary>Marker for the activity, my-day and notification components' strings (ActivitiesText.resx, ActivitiesText.fa.resx).</summary>
public sealed class ActivitiesText;
