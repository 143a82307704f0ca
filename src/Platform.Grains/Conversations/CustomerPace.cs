namespace Platform.Grains.Conversations;

/// <summary>A token bucket for one customer: <see cref="ConversationOptions.CustomerBurst"/> at once, then one per interval.</summary>
internal sealed class CustomerPace(ConversationOptions options, DateTimeOffset now)
{
    private double _tokens = options.CustomerBurst;
    private DateTimeOffset _refilledAt = now;

    /// <summary>Takes a slot and returns null, or returns how long until the next slot.</summary>
    public TimeSpan? TryTake(DateTimeOffset now)
    {
        var interval = options.CustomerInterval.TotalSeconds;
        if (interval <= 0)
        {
            return null;
        }

        _tokens = Math.Min(options.CustomerBurst, _tokens + (now - _refilledAt).TotalSeconds / interval);
        _refilledAt = now;
        if (_tokens >= 1)
        {
            _tokens -= 1;
            return null;
        }

        return TimeSpan.FromSeconds((1 - _tokens) * interval);
    }
}
