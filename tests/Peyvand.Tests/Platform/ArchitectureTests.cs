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
