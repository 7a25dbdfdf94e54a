using System.Xml.Linq;

namespace Peyvand.Tests.Platform;

/// <summary>Module references form the one-way graph of ARCHITECTURE.md. (DateTime.Now/UtcNow are banned by BannedSymbols.txt.)</summary>
public sealed class ArchitectureTests
{
    /// <summary>Each module, and the projects it may reference; a new module must be placed here.</summary>
    private static readonly Dictionary<string, string[]> Allowed = Layered(
        ["Peyvand.Kernel"],
        ["Peyvand.Identity"],
        ["Peyvand.Customers"],
        ["Peyvand.Sales"],
        ["Peyvand.Service", "Peyvand.Marketing"],
        ["Peyvand.Automation", "Peyvand.Analytics", "Peyvand.DataManagement"]);

    [Fact]
    public void The_kernel_and_modules_reference_only_lower_layers()
    {
        var src = Path.Combine(RepositoryRoot.Path, "src");
        var projects = Directory.GetFiles(Path.Combine(src, "Modules"), "*.csproj", SearchOption.AllDirectories)
            .Append(Path.Combine(src, "Peyvand.Kernel", "Peyvand.Kernel.csproj"));
        var violations = new List<string>();
        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            if (!Allowed.TryGetValue(name, out var allowed))
            {
                violations.Add($"{name} is not placed in {nameof(ArchitectureTests)}.{nameof(Allowed)}.");
                continue;
            }
            var references = XDocument.Load(project).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));
            violations.AddRange(references.Where(r => !allowed.Contains(r)).Select(r => $"{name} must not reference {r}."));
        }
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Every_resource_that_loads_more_than_its_row_reads_by_id_the_same_way()
    {
        // A definition's Including (child rows, or a visibility rule of its own) must be matched by its compiled
        // ReadById (or ReadById => null), or GET by id would read differently from the list.
        var definitions = new[] { typeof(Peyvand.Kernel.Api.ApiText), typeof(Peyvand.Identity.Domain.SavedView), typeof(Peyvand.Customers.Domain.Contact) }
            .SelectMany(t => t.Assembly.GetTypes())
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(Peyvand.Kernel.Resources.ResourceDefinition<,,>))
            .ToList();
        static bool Declares(Type type, string member) =>
            type.GetMember(member, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly).Length > 0;

        var unmatched = definitions.Where(t => Declares(t, "Including") && !Declares(t, "ReadById")).Select(t => t.Name).ToList();

        Assert.True(definitions.Count >= 9, $"found only {definitions.Count} resource definitions");
        Assert.True(unmatched.Count == 0, "Including without ReadById: " + string.Join(", ", unmatched));
    }

    private static Dictionary<string, string[]> Layered(params string[][] layers)
    {
        var allowed = new Dictionary<string, string[]>();
        for (var i = 0; i < layers.Length; i++)
        {
            foreach (var module in layers[i])
                allowed[module] = [.. layers.Take(i).SelectMany(l => l)];
        }
        return allowed;
    }
}
