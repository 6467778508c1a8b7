using Serenity.Persistence.CrashWriter;

// Usage: Serenity.Persistence.CrashWriter --plugin sqlite --path <file> [--actors 50] [--deferred-actors 0] [--batch-size 5] [--max-seconds 60]
// Persistent actors persist batches of events (PersistAll) in a loop and print "ack <pid> <seq>" once a
// batch is written (the first --deferred-actors of them with deferred durability, the others synced). The crash test kills this process mid-batch, then checks the journal.
// It exits by itself after --max-seconds, so a test that dies cannot leave it running for long.
CrashWriterOptions options;
try
{
    options = CrashWriterOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CrashWriterOptions.Usage);
    return 2;
}
await CrashWriterRun.RunAsync(options);
return 0;
