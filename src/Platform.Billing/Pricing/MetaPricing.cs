using System.Text.Json;

namespace Platform.Billing.Pricing;

/// <summary>
/// The <c>pricing</c> object of Meta's status webhook: <c>billable</c>, <c>pricing_model</c>, <c>category</c> and, with
/// per-message pricing, <c>type</c> (<c>regular</c>, <c>free_customer_service</c>, <c>free_entry_point</c>).
/// </summary>
public sealed record MetaPricing(bool? Billable, string? PricingModel, string? Category, string? Type)
{
    /// <summary>Whether Meta charges the message: <c>type</c> decides under per-message pricing, else <c>billable</c>.</summary>
    public bool Charged => Type is { } type ? type == "regular" && Billable != false : Billable ?? false;

    /// <summary>Reads the JSON Meta sent; null when it is absent or not an object.</summary>
    public static MetaPricing? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new MetaPricing(
                root.TryGetProperty("billable", out var billable) && billable.ValueKind is JsonValueKind.True or JsonValueKind.False ? billable.GetBoolean() : null,
                Text(root, "pricing_model"),
                Text(root, "category"),
                Text(root, "type"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
