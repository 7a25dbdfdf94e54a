using System.Text.Json.Serialization;

namespace Peyvand.Kernel.Permissions;

/// <summary>How far an action reaches: nothing, the user's own records, their teams' records, or all of the tenant's.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PermissionLevel>))]
public enum PermissionLevel
{
    None = 0,
    Own = 1,
    Team = 2,
    All = 3,
}

public enum PermissionAction
{
    Read,
    Create,
    Update,
    Delete,
}
