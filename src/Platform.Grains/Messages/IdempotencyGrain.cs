using Platform.Grains.Conversations;
using Platform.Grains.Storage;

namespace Platform.Grains.Messages;

/// <summary>
/// One Idempotency-Key: the first request's body hash, the message id it chose and its answer, for 24 hours. The message id
/// is stored before the send, so a repeat after a crash reuses it and the conversation accepts it once.
/// </summary>
public sealed class IdempotencyGrain(
    [PersistentState("idempotency", GrainStorage.Platform)] IPersistentState<IdempotencyState> state,
    TimeProvider time) : Grain, IIdempotencyGrain
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public async Task<IdempotencyClaim> ClaimAsync(string requestHash, string messageId)
    {
        var now = time.GetUtcNow();
        if (state.State.RequestHash is { } hash && state.State.ExpiresAt > now)
        {
            return hash != requestHash
                ? new IdempotencyClaim(null, null, Conflict: true)
                : new IdempotencyClaim(state.State.MessageId, state.State.Response, Conflict: false);
        }

        state.State.RequestHash = requestHash;
        state.State.MessageId = messageId;
        state.State.Response = null;
        state.State.ExpiresAt = now + Lifetime;
        await state.WriteStateAsync();
        return new IdempotencyClaim(messageId, null, Conflict: false);
    }

    public async Task CompleteAsync(string requestHash, IdempotentResponse response)
    {
        if (state.State.RequestHash == requestHash && state.State.Response is null)
        {
            state.State.Response = response;
            await state.WriteStateAsync();
        }

        // Nothing else lives here: once expired, the row's next write replaces it; until then the activation can go.
        DelayDeactivation(TimeSpan.FromMinutes(1));
    }
}
