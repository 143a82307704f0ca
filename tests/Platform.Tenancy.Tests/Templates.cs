namespace Platform.Tenancy.Tests;

/// <summary>Template bodies the tests submit.</summary>
public static class Templates
{
    public static object Valid(string name = "order_update", string language = "en_US", string category = "UTILITY") => new
    {
        name,
        language,
        category,
        components = new object[]
        {
            new { type = "HEADER", format = "TEXT", text = "Order {{1}}", example = new { header_text = new[] { "#1234" } } },
            new { type = "BODY", text = "Hi {{1}}, your order {{2}} ships today.", example = new { body_text = new[] { new[] { "Ana", "#1234" } } } },
            new { type = "FOOTER", text = "Acme Shop" },
            new { type = "BUTTONS", buttons = new object[] { new { type = "QUICK_REPLY", text = "Track it" } } },
        },
    };
}
