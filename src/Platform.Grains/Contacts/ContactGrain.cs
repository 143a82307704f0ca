using MassTransit;
using Platform.Grains.Audit;
using Platform.Grains.Storage;
using Platform.Grains.TenantEvents;

namespace Platform.Grains.Contacts;

/// <summary>
/// A customer's consent with one tenant. State is written only when consent changes; the conversation grain reads the
/// snapshot from memory. The history keeps the newest <see cref="MaxHistory"/> changes. Every change, whatever its source
/// (the API, a keyword, Meta), is announced to the tenant as <c>contact.consent</c> from here, the one place it is applied.
/// </summary>
public sealed class ContactGrain(
    [PersistentState("contact", GrainStorage.Platform)] IPersistentState<ContactState> state,
    ContactIndex index,
    AuditLog audit,
    IBus bus) : Grain, IContactGrain
{
    public const int MaxHistory = 100;

    private static readonly ConsentSnapshot ErasedOptOut = new(false, true, false, null);
    private bool _erasedOptOut;

    private ContactKey Key => ContactKey.Parse(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Consent is null)
        {
            var key = Key;
            _erasedOptOut = await index.IsErasedOptOutAsync(key.TenantId, key.WaId);
        }
    }

    public Task<ConsentSnapshot> GetConsentAsync() => Task.FromResult(Current);

    public async Task<ConsentSnapshot> RecordConsentAsync(ConsentChange change)
    {
        // A redelivered keyword or Meta update repeats the last change exactly: applying it again would only grow the history.
        if (state.State.History is [.., var last] && last == change)
        {
            return Current;
        }

        var key = Key;

        // Before the state: a crash in between repeats the change, and the event's id, derived from it, repeats with it.
        await bus.Publish(TenantEventFactory.ContactConsent(key.TenantId, key.WaId, change.Kind, change.Source, change.PhoneNumberId, change.At));

        var (consent, marketingSource) = ConsentPolicy.Apply(Current, state.State.MarketingOptOutSource, change);
        state.State.Consent = consent;
        state.State.MarketingOptOutSource = marketingSource;
        state.State.History.Add(change);
        if (state.State.History.Count > MaxHistory)
        {
            state.State.History.RemoveRange(0, state.State.History.Count - MaxHistory);
        }

        await state.WriteStateAsync();
        await index.UpdateAsync(key.TenantId, key.WaId, consent);

        // Changes through the API are audited there, naming the key; the rest come from the customer or from Meta.
        if (change.Source != ConsentSources.Api)
        {
            var actor = change.Source == ConsentSources.Meta ? AuditActions.Meta : AuditActions.Customer;
            await audit.RecordAsync(key.TenantId, actor, AuditActions.ConsentChanged, ContactIndex.Pseudonym(key.TenantId, key.WaId), $"{change.Kind} ({change.Source})");
        }
        if (_erasedOptOut)
        {
            // The customer is known again (and the record above holds the opt-out if it still stands).
            await index.ForgetErasedOptOutAsync(key.TenantId, key.WaId);
            _erasedOptOut = false;
        }

        return consent;
    }

    public Task<ContactRecord?> GetAsync() => Task.FromResult(
        state.State.Consent is not null || _erasedOptOut
            ? new ContactRecord(Key.WaId, Current, [.. state.State.History])
            : null);

    public async Task EraseAsync()
    {
        var key = Key;
        var consent = Current;
        await index.EraseAsync(key.TenantId, key.WaId, consent);
        _erasedOptOut = consent.OptedOut;
        await state.ClearStateAsync();
    }

    private ConsentSnapshot Current => state.State.Consent ?? (_erasedOptOut ? ErasedOptOut : ConsentSnapshot.Unknown);
}
