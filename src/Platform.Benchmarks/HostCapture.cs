using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace Platform.Benchmarks;

/// <summary>
/// Catches the host the entry point builds, the way <c>WebApplicationFactory</c> does: Microsoft.Extensions.Hosting announces
/// every host it builds on its <see cref="DiagnosticListener"/> ("HostBuilt"), so the benchmark reaches the silo's grain
/// factory and the host's lifetime without the host exposing anything for it.
/// </summary>
internal sealed class HostCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly TaskCompletionSource<IHost> _built = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IDisposable> _subscriptions = [];

    public HostCapture() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public Task<IHost> Built => _built.Task;

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.Extensions.Hosting")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value is { Key: "HostBuilt", Value: IHost host })
        {
            _built.TrySetResult(host);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(subscription => subscription.Dispose());
        }
    }
}
