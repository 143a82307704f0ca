namespace Platform.Grains.Conversations;

/// <summary>
/// One <c>Idempotency-Key</c> of a tenant, kept for 24 hours: the hash of the first request's body, the message id it chose
/// and the answer it got. Key: tenant id | idempotency key.
/// </summary>
[Alias("Platform.IdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>Claims the key for a request whose body hashes to <paramref name="requestHash"/>, proposing <paramref name="messageId"/>.</summary>
    [Alias("ClaimAsync")]
    Task<IdempotencyClaim> ClaimAsync(string requestHash, string messageId);

    /// <summary>Stores the answer the request got, to replay it for the rest of the 24 hours.</summary>
    [Alias("CompleteAsync")]
    Task CompleteAsync(string requestHash, IdempotentResponse response);
}
