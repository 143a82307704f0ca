using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Platform.Benchmarks;

/// <summary>The process's memory after a full, compacting, blocking collection: what stays alive, not what is merely not yet collected.</summary>
internal sealed record MemorySnapshot(long WorkingSet, long GcHeap, long LiveObjects, long Committed)
{
    public static MemorySnapshot Take()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var live = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(process.WorkingSet64, info.HeapSizeBytes, live, info.TotalCommittedBytes);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"working set {Mib(WorkingSet)} MiB, GC heap {Mib(GcHeap)} MiB (live objects {Mib(LiveObjects)} MiB, committed {Mib(Committed)} MiB), {(GCSettings.IsServerGC ? "server" : "workstation")} GC");

    public static long Mib(long bytes) => bytes / (1024 * 1024);
}
