using System.Diagnostics.Tracing;

namespace Serenity.Benchmarks;

/// <summary>
/// An in-process listener on the runtime's own GC events (the diagnostic samplers of the order benchmarks). Level and
/// keywords are properties, not constructor arguments: the base constructor already enables the sources that exist.
/// </summary>
internal abstract class RuntimeGcEventListener : EventListener
{
    protected const EventKeywords GcKeyword = (EventKeywords)0x1;

    protected abstract EventLevel Level { get; }

    protected virtual EventKeywords Keywords => GcKeyword;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, Level, Keywords);
    }
}
