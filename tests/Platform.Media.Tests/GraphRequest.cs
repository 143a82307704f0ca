using System.Text.Json;

namespace Platform.Media.Tests;

/// <summary>A send the fake Graph API accepted: the number it was posted to and Meta's request body.</summary>
public sealed record GraphRequest(string PhoneNumberId, JsonElement Body);
