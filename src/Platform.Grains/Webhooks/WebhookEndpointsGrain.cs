using Platform.Grains.Storage;

namespace Platform.Grains.Webhooks;

/// <summary>A tenant's webhook endpoints. Written only when the tenant (or the delivery schedule disabling one) changes them.</summary>
public sealed class WebhookEndpointsGrain(
    [PersistentState("webhook-endpoints", GrainStorage.Platform)] IPersistentState<WebhookEndpointsState> state)
    : Grain, IWebhookEndpointsGrain
{
    public async Task AddAsync(WebhookEndpointDefinition endpoint)
    {
        state.State.Endpoints.Add(endpoint with { EventTypes = Storable(endpoint.EventTypes) });
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<WebhookEndpointDefinition>> ListAsync() =>
        Task.FromResult<IReadOnlyList<WebhookEndpointDefinition>>(state.State.Endpoints.ToList());

    public Task<WebhookEndpointDefinition?> GetAsync(string endpointId) => Task.FromResult(Find(endpointId));

    public Task<WebhookEndpointDefinition?> UpdateAsync(string endpointId, WebhookEndpointUpdate update) =>
        ReplaceAsync(endpointId, endpoint =>
        {
            var changed = endpoint with
            {
                Url = update.Url ?? endpoint.Url,
                EventTypes = update.EventTypes is null ? endpoint.EventTypes : Storable(update.EventTypes),
                Format = update.Format ?? endpoint.Format,
                Description = update.Description ?? endpoint.Description,
            };
            return update.Status switch
            {
                WebhookEndpointStatuses.Enabled => changed with { Status = WebhookEndpointStatuses.Enabled, DisabledReason = null, DisabledAt = null },
                WebhookEndpointStatuses.Disabled when endpoint.IsEnabled =>
                    changed with { Status = WebhookEndpointStatuses.Disabled, DisabledReason = "Disabled by the tenant." },
                _ => changed,
            };
        });

    public Task<WebhookEndpointDefinition?> RotateSecretAsync(string endpointId, string protectedSecret, DateTimeOffset previousExpiresAt) =>
        ReplaceAsync(endpointId, endpoint => endpoint with
        {
            ProtectedSecret = protectedSecret,
            ProtectedPreviousSecret = endpoint.ProtectedSecret,
            PreviousSecretExpiresAt = previousExpiresAt,
        });

    public async Task DisableAsync(string endpointId, string reason, DateTimeOffset at)
    {
        if (Find(endpointId) is { IsEnabled: true })
        {
            await ReplaceAsync(endpointId, endpoint => endpoint with
            {
                Status = WebhookEndpointStatuses.Disabled,
                DisabledReason = reason,
                DisabledAt = at,
            });
        }
    }

    public async Task<bool> RemoveAsync(string endpointId)
    {
        if (state.State.Endpoints.RemoveAll(endpoint => endpoint.Id == endpointId) == 0)
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    // State is stored as JSON with type names: a list built by a collection expression has a compiler-made type that the
    // storage serializer refuses to read back, so stored lists are always List<string>.
    private static List<string> Storable(IReadOnlyList<string> types) => types.ToList();

    private WebhookEndpointDefinition? Find(string endpointId) => state.State.Endpoints.Find(endpoint => endpoint.Id == endpointId);

    private async Task<WebhookEndpointDefinition?> ReplaceAsync(string endpointId, Func<WebhookEndpointDefinition, WebhookEndpointDefinition> change)
    {
        var index = state.State.Endpoints.FindIndex(endpoint => endpoint.Id == endpointId);
        if (index < 0)
        {
            return null;
        }

        var changed = change(state.State.Endpoints[index]);
        if (changed != state.State.Endpoints[index])
        {
            state.State.Endpoints[index] = changed;
            await state.WriteStateAsync();
        }

        return changed;
    }
}
