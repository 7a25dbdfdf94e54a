namespace Peyvand.Kernel.Cli;

/// <summary>A command the binary runs instead of serving, e.g. <c>create-tenant --name N</c>.</summary>
public interface ICliVerb
{
    string Name { get; }
    string Usage { get; }
    Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken);
}

/// <summary>Failure a verb reports in one line; the dispatcher prints it and exits non-zero.</summary>
public sealed class CliException(string message) : Exception(message);

/// <summary>Parsed <c>--name value</c> options; unknown or missing options are refused with a one-line reason.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public CliArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3)
                throw new CliException($"unexpected argument '{arg}'");
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
                _values[arg[2..eq]] = arg[(eq + 1)..];
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                _values[arg[2..]] = args[++i];
            else
                throw new CliException($"option '{arg}' needs a value");
        }
    }

    public string Required(string name) =>
        Optional(name) ?? throw new CliException($"missing required option --{name}");

    public string? Optional(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var value) ? value : null;
    }

    public int? OptionalInt(string name) => Optional(name) is { } text
        ? int.TryParse(text, out var value) && value >= 0 ? value : throw new CliException($"--{name} must be a whole number")
        : null;

    /// <summary>Call after reading every option: a typo must not be silently ignored.</summary>
    public void EnsureNoUnknown()
    {
        var unknown = _values.Keys.FirstOrDefault(k => !_read.Contains(k));
        if (unknown is not null)
            throw new CliException($"unknown option --{unknown}");
    }
}
