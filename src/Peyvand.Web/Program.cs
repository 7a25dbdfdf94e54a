using Peyvand.Web.Cli;
using Peyvand.Web.Hosting;

// The same binary serves (no verb) or runs one CLI verb and exits: `dotnet Peyvand.Web.dll create-tenant --name …`.
if (args.Length > 0 && !args[0].StartsWith('-'))
    return await CliDispatcher.RunAsync(args, Console.Out, Console.Error);

var app = PeyvandApp.Build(args);
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the integration tests' application factory.</summary>
public partial class Program;
