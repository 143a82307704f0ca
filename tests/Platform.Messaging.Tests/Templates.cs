namespace Platform.Messaging.Tests;

/// <summary>Template definitions (Meta's components) and sends that fit them, for the use cases businesses buy this for.</summary>
public static class Templates
{
    public const string ShippingComponents = """[{"type":"BODY","text":"Hi {{1}}, your order {{2}} has shipped.","example":{"body_text":[["Ada","#1042"]]}}]""";

    public const string OfferComponents = """[{"type":"BODY","text":"{{1}}, 20% off everything this weekend!"}]""";

    public const string BoardingPassComponents = """
        [{"type":"HEADER","format":"DOCUMENT"},
         {"type":"BODY","text":"Hello {{1}}, here is your boarding pass for flight {{2}}, departing {{3}}."}]
        """;

    public const string OtpComponents = """
        [{"type":"BODY","add_security_recommendation":true},
         {"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE","text":"Copy code"}]}]
        """;

    public const string ReceiptComponents = """
        [{"type":"HEADER","format":"DOCUMENT"},
         {"type":"BODY","text":"Thank you for your purchase of {{1}} on {{2}}. Your receipt is attached."},
         {"type":"BUTTONS","buttons":[{"type":"URL","text":"View order","url":"https://shop.example/orders/{{1}}"}]}]
        """;

    public static object Shipping(string from, string to, string name = "order_shipped") => new
    {
        from,
        to,
        type = "template",
        template = new
        {
            name,
            language = new { code = "en_US" },
            components = new object[]
            {
                new { type = "body", parameters = new object[] { new { type = "text", text = "Ada" }, new { type = "text", text = "#1042" } } },
            },
        },
    };

    public static object Offer(string from, string to, string name) => new
    {
        from,
        to,
        type = "template",
        template = new
        {
            name,
            language = new { code = "en_US" },
            components = new object[] { new { type = "body", parameters = new object[] { new { type = "text", text = "Ada" } } } },
        },
    };

    public static object Text(string from, string to, string body) => new { from, to, type = "text", text = new { body } };
}
