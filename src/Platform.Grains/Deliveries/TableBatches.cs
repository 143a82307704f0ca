using Azure.Data.Tables;

namespace Platform.Grains.Deliveries;

/// <summary>
/// Group commit for one table: writes to the same partition that arrive while a batch is being stored go together into the
/// next entity group transaction (up to 100 rows), and each caller's task completes once its batch is stored. One batch per
/// partition is in flight at a time, so a busy partition costs one round trip per batch, not per row.
/// </summary>
public sealed class TableBatches(TableClient table)
{
    private const int MaxRows = 100;

    // A transaction may carry at most 4 MiB; rows are weighed by the characters of their strings (UTF-16 on the wire).
    private const long MaxChars = 1_500_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<Write>> _waiting = [];
    private readonly Dictionary<string, Task> _flushes = [];
    private int _count;

    /// <summary>Rows waiting to be stored, all partitions together.</summary>
    public int Waiting => Volatile.Read(ref _count);

    public Task SubmitAsync(TableEntity row, long chars)
    {
        var write = new Write(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row), chars,
            new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool start;
        lock (_lock)
        {
            start = !_waiting.TryGetValue(row.PartitionKey, out var queue);
            if (start)
            {
                queue = new Queue<Write>();
                _waiting[row.PartitionKey] = queue;
            }

            queue!.Enqueue(write);
            _count++;
        }

        if (start)
        {
            var flush = Task.Run(() => FlushAsync(row.PartitionKey));
            lock (_lock)
            {
                if (!flush.IsCompleted)
                {
                    _flushes[row.PartitionKey] = flush;
                }
            }
        }

        return write.Done.Task;
    }

    /// <summary>Waits until every row submitted so far is stored or failed (at shutdown), for at most <paramref name="limit"/>.</summary>
    public async Task DrainAsync(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            Task[] running;
            lock (_lock)
            {
                running = [.. _flushes.Values];
            }

            if (running.All(flush => flush.IsCompleted) && Waiting == 0)
            {
                return;
            }

            await Task.WhenAny(Task.WhenAll(running), Task.Delay(TimeSpan.FromMilliseconds(50)));
        }
    }

    private async Task FlushAsync(string partition)
    {
        while (true)
        {
            var batch = new List<Write>(MaxRows);
            lock (_lock)
            {
                var queue = _waiting[partition];
                long chars = 0;
                while (queue.Count > 0 && batch.Count < MaxRows && (batch.Count == 0 || chars + queue.Peek().Chars <= MaxChars))
                {
                    var next = queue.Dequeue();
                    chars += next.Chars;
                    batch.Add(next);
                }

                _count -= batch.Count;
                if (batch.Count == 0)
                {
                    _waiting.Remove(partition);
                    _flushes.Remove(partition);
                    return;
                }
            }

            try
            {
                await table.SubmitTransactionAsync(batch.Select(write => write.Action));
                batch.ForEach(write => write.Done.SetResult());
            }
            catch (Exception exception)
            {
                batch.ForEach(write => write.Done.SetException(exception));
            }
        }
    }

    private sealed record Write(TableTransactionAction Action, long Chars, TaskCompletionSource Done);
}
