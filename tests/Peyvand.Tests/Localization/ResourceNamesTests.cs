using Microsoft.Extensions.DependencyInjection;
using Peyvand.Kernel.Localization;
using Peyvand.Kernel.Permissions;
using Peyvand.Kernel.Resources;

namespace Peyvand.Tests.Localization;

/// <summary>Every resource has a name in both languages, so no message shows a route segment («… در contacts»).</summary>
public sealed class ResourceNamesTests(SqliteApp app)
{
    private static readonly System.Reflection.Assembly[] Assemblies =
    [
        typeof(ResourceNames).Assembly, typeof(global::Peyvand.Customers.CustomersModule).Assembly,
        typeof(global::Peyvand.Identity.IdentityModule).Assembly, typeof(Program).Assembly,
    ];

    [Fact]
    public void Every_registered_resource_definition_and_permission_resource_has_a_Persian_and_an_English_name()
    {
        using var scope = app.Services.CreateScope();
        var definitions = Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, BaseType.IsGenericType: true }
                && t.BaseType.GetGenericTypeDefinition() == typeof(ResourceDefinition<,,>))
            .ToList();
        Assert.True(definitions.Count >= 10, string.Join(", ", definitions));

        var names = new List<string> { "notifications" };
        foreach (var type in definitions)
        {
            var definition = scope.ServiceProvider.GetService(type.BaseType!);
            Assert.True(definition is not null, $"{type.Name} is not registered");
            names.Add((string)type.BaseType!.GetProperty("Name")!.GetValue(definition)!);
        }
        names.AddRange(app.Services.GetRequiredService<PermissionCatalog>().Resources.Select(r => r.Name));

        Assert.All(names.Distinct(), name =>
        {
            var persian = ResourceNames.In("fa", name);
            var english = ResourceNames.In("en", name);
            Assert.True(persian is not null && english is not null, $"no module registered a name for {name}");
            Assert.NotEqual(ResourceNames.Key(name), persian);
            Assert.NotEqual(ResourceNames.Key(name), english);
            Assert.Matches(@"\p{IsArabic}", persian);
            Assert.DoesNotMatch(@"\p{IsArabic}", english);
        });
    }
}
