namespace Peyvand.Web.Components.Admin;

/// <summary>Marker for the administration pages' strings (AdminText.resx, AdminText.fa.resx).</summary>
public sealed class AdminText;
