namespace Platform.Grains.Contacts;

/// <summary>A contact as the tenant reads it: consent now and its history, newest last (bounded: the oldest entries drop off).</summary>
[GenerateSerializer, Immutable, Alias("Platform.ContactRecord")]
public sealed record ContactRecord(
    [property: Id(0)] string WaId,
    [property: Id(1)] ConsentSnapshot Consent,
    [property: Id(2)] ConsentChange[] History);
