using System.Diagnostics;
using System.Text;

namespace Parcours.Cli.Tests;

/// <summary>
/// Runs the built CLI (parcours.dll, copied beside the tests by the project reference) with <c>dotnet</c>, as a
/// user would: real exit code, stdout and stderr kept apart. In a process rather than in-process because
/// Program.cs uses top-level statements and the CLI writes to the process-wide console.
/// </summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables.</summary>
    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "parcours.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        // A server's usual locale, and no database from the environment.
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment.Remove("LC_ALL");
        start.Environment.Remove("PARCOURS_DB");
        start.Environment.Remove("SOURCE_DATE_EPOCH");
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"parcours {string.Join(' ', args)} did not end within 2 minutes.");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
