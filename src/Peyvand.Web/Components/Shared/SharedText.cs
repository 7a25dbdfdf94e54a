namespace Peyvand.Web.Components.Shared;

/// <summary>Marker for the shell's and shared components' strings (SharedText.resx, SharedText.fa.resx).</summary>
public sealed class SharedText;
