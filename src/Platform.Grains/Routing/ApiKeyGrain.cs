using System.Security.Cryptography;
using Platform.Grains.Storage;

namespace Platform.Grains.Routing;

/// <summary>
/// Authenticates one API key. Keys are 256-bit random secrets, so a plain SHA-256 is enough (no password stretching):
/// nobody can guess a preimage, and a hash per request stays cheap.
/// </summary>
public sealed class ApiKeyGrain(
    [PersistentState("apikey", GrainStorage.Platform)] IPersistentState<ApiKeyState> state) : Grain, IApiKeyGrain
{
    public async Task IssueAsync(string tenantId, byte[] secretHash)
    {
        if (state.State.TenantId is not null)
        {
            throw new InvalidOperationException($"API key {this.GetPrimaryKeyString()} is already issued.");
        }

        state.State.TenantId = tenantId;
        state.State.SecretHash = secretHash;
        await state.WriteStateAsync();
    }

    public Task<string?> AuthenticateAsync(byte[] secretHash) =>
        Task.FromResult(
            state.State.TenantId is not null && CryptographicOperations.FixedTimeEquals(state.State.SecretHash, secretHash)
                ? state.State.TenantId
                : null);
}
