using System.Runtime.CompilerServices;

namespace Platform.Testing;

/// <summary>Waits for something the platform does asynchronously, with a deadline: a test fails, it never hangs.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> GetAsync<T>(Func<T?> probe, TimeSpan? timeout = null)
        where T : class => await GetAsync(() => Task.FromResult(probe()), timeout);

    public static async Task<T> GetValueAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null)
        where T : struct =>
        (await GetAsync(async () => await probe() is { } value ? new StrongBox<T>(value) : null, timeout)).Value;

    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Nothing matched within {timeout ?? DefaultTimeout}.");
            }

            await Task.Delay(Interval);
        }
    }
}
