using Spectre.Console;

namespace Parcours.Cli.Commands;

/// <summary>
/// Where messages go: data on stdout, logs and progress on stderr. Progress bars when stderr is a terminal,
/// plain lines otherwise (CI, pipes, log files).
/// </summary>
public static class Terminal
{
    public static bool Interactive => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;

    private static readonly IAnsiConsole Err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    public static void Log(string message) => Console.Error.WriteLine(message);

    public static void Error(string message) => Console.Error.WriteLine($"Erreur : {message}");

    /// <summary>Runs work that reports (done, total); shows a progress bar or prints a line every 10 %.</summary>
    public static async Task<T> WithProgressAsync<T>(string label, Func<IProgress<(int Done, int Total)>, Task<T>> work)
    {
        if (!Interactive)
        {
            var lastDecile = -1;
            var plain = new SyncProgress(p =>
            {
                var decile = p.Total == 0 ? 10 : p.Done * 10 / p.Total;
                if (decile == lastDecile) return;
                lastDecile = decile;
                Log($"{label} : {p.Done:N0} / {p.Total:N0}");
            });
            return await work(plain);
        }
        T result = default!;
        await Err.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(label);
                result = await work(new SyncProgress(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
            });
        return result;
    }

    /// <summary>Reports synchronously (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<(int Done, int Total)> handler) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => handler(value);
    }
}
