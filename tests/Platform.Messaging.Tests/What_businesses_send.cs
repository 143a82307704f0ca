using Platform.Testing;

namespace Platform.Messaging.Tests;

/// <summary>The use cases businesses buy this for, as docs/messaging.md shows them: boarding pass, receipt, bank statement, one-time password.</summary>
[Collection(MessagingPlatformGroup.Name)]
public sealed class What_businesses_send(MessagingPlatform platform)
{
    [Fact]
    public async Task Should_send_a_boarding_pass_as_a_utility_template_outside_the_window()
    {
        var (tenant, number, customer) = await OptedInCustomerAsync();
        await platform.AddTemplateAsync(tenant, "boarding_pass", "UTILITY", Templates.BoardingPassComponents);

        var id = await tenant.SendAcceptedAsync(new
        {
            from = number,
            to = customer,
            type = "template",
            template = new
            {
                name = "boarding_pass",
                language = new { code = "en_US" },
                components = new object[]
                {
                    new { type = "header", parameters = new object[] { new { type = "document", document = new { link = "https://airline.example/passes/LH400-12A.pdf", filename = "boarding-pass-LH400.pdf" } } } },
                    new
                    {
                        type = "body",
                        parameters = new object[]
                        {
                            new { type = "text", text = "Ada Lovelace" },
                            new { type = "text", text = "LH400" },
                            new { type = "date_time", date_time = new { fallback_value = "12 March 2026, 10:35" } },
                        },
                    },
                },
            },
        });

        var sent = await tenant.WaitForStatusAsync(id, "read");
        Assert.Equal("boarding_pass", sent.GetProperty("template").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Should_send_a_receipt_with_its_document_and_an_order_link_button()
    {
        var (tenant, number, customer) = await OptedInCustomerAsync();
        await platform.AddTemplateAsync(tenant, "purchase_receipt", "UTILITY", Templates.ReceiptComponents);

        var id = await tenant.SendAcceptedAsync(new
        {
            from = number,
            to = customer,
            type = "template",
            template = new
            {
                name = "purchase_receipt",
                language = new { code = "en_US" },
                components = new object[]
                {
                    new { type = "header", parameters = new object[] { new { type = "document", document = new { link = "https://shop.example/receipts/1042.pdf", filename = "receipt-1042.pdf" } } } },
                    new
                    {
                        type = "body",
                        parameters = new object[]
                        {
                            new { type = "currency", currency = new { fallback_value = "€42.50", code = "EUR", amount_1000 = 42500 } },
                            new { type = "date_time", date_time = new { fallback_value = "March 12, 2026" } },
                        },
                    },
                    new { type = "button", sub_type = "url", index = "0", parameters = new object[] { new { type = "text", text = "1042" } } },
                },
            },
        });

        await tenant.WaitForStatusAsync(id, "read");
    }

    [Fact]
    public async Task Should_send_a_bank_statement_as_a_document_inside_the_window()
    {
        var (tenant, number, customer) = await OptedInCustomerAsync();
        await platform.CustomerWritesAsync(tenant, number, customer, "Can I get my March statement?");

        var id = await tenant.SendAcceptedAsync(new
        {
            from = number,
            to = customer,
            type = "document",
            document = new { link = "https://bank.example/statements/2026-03.pdf", filename = "statement-2026-03.pdf", caption = "Your statement for March 2026" },
        });

        var sent = await tenant.WaitForStatusAsync(id, "read");
        Assert.Equal("statement-2026-03.pdf", sent.GetProperty("document").GetProperty("filename").GetString());
    }

    [Fact]
    public async Task Should_send_a_one_time_password_with_a_copy_code_button_and_refuse_it_without_the_button()
    {
        var (tenant, number, customer) = await OptedInCustomerAsync();
        await platform.AddTemplateAsync(tenant, "login_code", "AUTHENTICATION", Templates.OtpComponents);
        object Otp(params object[] components) => new
        {
            from = number,
            to = customer,
            type = "template",
            template = new { name = "login_code", language = new { code = "en_US" }, components },
        };
        var body = new { type = "body", parameters = new object[] { new { type = "text", text = "492817" } } };
        var button = new { type = "button", sub_type = "url", index = 0, parameters = new object[] { new { type = "text", text = "492817" } } };

        Assert.Equal("template_parameters", await tenant.RefusalAsync(Otp(body)));
        var id = await tenant.SendAcceptedAsync(Otp(body, button));

        var sent = await tenant.WaitForStatusAsync(id, "read");
        Assert.Equal("492817", sent.GetProperty("template").GetProperty("components")[1].GetProperty("parameters")[0].GetProperty("text").GetString());
    }

    private async Task<(Tenant Tenant, string Number, string Customer)> OptedInCustomerAsync()
    {
        var tenant = await Onboarding.CreateTenantAsync(platform.Operator);
        var number = await tenant.AddSandboxNumberAsync();
        var customer = Scenario.NewCustomer();
        await tenant.OptInAsync(customer);
        return (tenant, number, customer);
    }
}
