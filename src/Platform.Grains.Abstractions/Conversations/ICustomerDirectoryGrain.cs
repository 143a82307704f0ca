namespace Platform.Grains.Conversations;

/// <summary>
/// Where the forms of one customer's number meet (Brazil's ninth digit, Mexico's 521): the wa_id Meta uses for them, learnt
/// from their messages and from Meta's answers to sends. Key: tenant id | <c>WaIds.Family</c> of the number.
/// </summary>
[Alias("Platform.CustomerDirectoryGrain")]
public interface ICustomerDirectoryGrain : IGrainWithStringKey
{
    /// <summary>The wa_id Meta uses for this customer, or null when not known yet.</summary>
    [Alias("GetAsync")]
    Task<string?> GetAsync();

    /// <summary>Records the wa_id Meta uses for this customer.</summary>
    [Alias("RecordAsync")]
    Task RecordAsync(string waId);

    /// <summary>Forgets the customer's wa_id (a privacy erasure).</summary>
    [Alias("EraseAsync")]
    Task EraseAsync();
}
