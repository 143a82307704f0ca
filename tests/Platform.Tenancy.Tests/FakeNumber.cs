namespace Platform.Tenancy.Tests;

/// <summary>A business number the fake Graph API knows: its ids, the token that may use it, its PIN and display form.</summary>
public sealed record FakeNumber(string PhoneNumberId, string WabaId, string Token, string Pin, string Display);
