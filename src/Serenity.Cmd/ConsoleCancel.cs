namespace Serenity.Cmd;

/// <summary>
/// Routes Ctrl-C: to the command the interactive prompt is running (which stops, back to the prompt), else to the
/// whole process's token (a streaming command ends cleanly, exit 0).
/// </summary>
internal static class ConsoleCancel
{
    private static CancellationTokenSource? _command;

    /// <summary>The SIGTERM registration (kept so it stays in force).</summary>
    internal static System.Runtime.InteropServices.PosixSignalRegistration? Terminate { get; private set; }

    /// <summary>
    /// Installs the handlers; Ctrl-C outside a prompt command cancels <paramref name="process"/> (a second one exits), and
    /// so does SIGTERM (a streaming command then ends cleanly, exit 0).
    /// </summary>
    public static void Install(CancellationTokenSource process)
    {
        Terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            process.Cancel();
        });
        Console.CancelKeyPress += (_, e) =>
        {
            if (Volatile.Read(ref _command) is { } command)
            {
                e.Cancel = true;
                command.Cancel();
            }
            else if (!process.IsCancellationRequested)
            {
                e.Cancel = true;
                process.Cancel();
            }
        };
    }

    /// <summary>A token for one prompt command, cancelled by Ctrl-C or <paramref name="outer"/>; dispose it when the command ends.</summary>
    public static CancellationTokenSource ForCommand(CancellationToken outer)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(outer);
        Volatile.Write(ref _command, source);
        return new Scope(source);
    }

    private sealed class Scope : CancellationTokenSource
    {
        private readonly CancellationTokenSource _inner;

        public Scope(CancellationTokenSource inner)
        {
            _inner = inner;
            _inner.Token.Register(Cancel);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Interlocked.CompareExchange(ref _command, null, _inner);
                _inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
