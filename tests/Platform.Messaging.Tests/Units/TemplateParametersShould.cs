using Platform.Grains.Conversations;
using Platform.Grains.Templates;

namespace Platform.Messaging.Tests.Units;

public class TemplateParametersShould
{
    [Fact]
    public void Accept_one_body_parameter_per_placeholder()
    {
        Assert.Null(Check("""[{"type":"BODY","text":"Hi {{1}}, order {{2}} ({{1}})"}]""", """{"components":[{"type":"body","parameters":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}]}"""));
    }

    [Fact]
    public void Refuse_too_few_body_parameters()
    {
        Assert.Contains("expects 2 body parameter(s); the request gives 1",
            Check("""[{"type":"BODY","text":"Hi {{1}}, order {{2}}"}]""", """{"components":[{"type":"body","parameters":[{"type":"text","text":"a"}]}]}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuse_parameters_for_a_template_without_placeholders()
    {
        Assert.Contains("no placeholder for body",
            Check("""[{"type":"BODY","text":"Hello"}]""", """{"components":[{"type":"body","parameters":[{"type":"text","text":"a"}]}]}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Want_a_media_parameter_of_the_headers_format()
    {
        const string template = """[{"type":"HEADER","format":"DOCUMENT"},{"type":"BODY","text":"Hi"}]""";

        Assert.Null(Check(template, """{"components":[{"type":"header","parameters":[{"type":"document","document":{"id":"1"}}]}]}"""));
        Assert.Contains("expects a document parameter for header",
            Check(template, """{"components":[{"type":"header","parameters":[{"type":"image","image":{"id":"1"}}]}]}"""), StringComparison.Ordinal);
        Assert.Contains("expects 1 header parameter(s)", Check(template, """{"components":[]}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Match_named_placeholders_by_name()
    {
        const string template = """[{"type":"BODY","text":"Hi {{first_name}}, order {{order}}"}]""";

        Assert.Null(Check(template, """{"components":[{"type":"body","parameters":[{"type":"text","parameter_name":"order","text":"1"},{"type":"text","parameter_name":"first_name","text":"Ada"}]}]}"""));
        Assert.Contains("named body parameters first_name, order",
            Check(template, """{"components":[{"type":"body","parameters":[{"type":"text","parameter_name":"name","text":"1"},{"type":"text","parameter_name":"first_name","text":"Ada"}]}]}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Want_the_code_in_an_authentication_templates_body_and_copy_code_button()
    {
        const string template = """[{"type":"BODY","add_security_recommendation":true},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"}]}]""";

        Assert.Null(Check(template, """{"components":[{"type":"body","parameters":[{"type":"text","text":"123456"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"123456"}]}]}""", "AUTHENTICATION"));
        Assert.Contains("button 0", Check(template, """{"components":[{"type":"body","parameters":[{"type":"text","text":"123456"}]}]}""", "AUTHENTICATION"), StringComparison.Ordinal);
    }

    [Fact]
    public void Want_a_parameter_for_a_url_button_with_a_placeholder_and_a_coupon_for_a_copy_code_button()
    {
        const string template = """[{"type":"BODY","text":"Hi"},{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Stop"},{"type":"URL","url":"https://x.example/{{1}}"},{"type":"COPY_CODE","example":"SAVE10"}]}]""";

        Assert.Null(Check(template, """{"components":[{"type":"button","sub_type":"url","index":1,"parameters":[{"type":"text","text":"abc"}]},{"type":"button","sub_type":"copy_code","index":2,"parameters":[{"type":"coupon_code","coupon_code":"SAVE10"}]},{"type":"button","sub_type":"quick_reply","index":0,"parameters":[{"type":"payload","payload":"stop"}]}]}"""));
        Assert.Contains("button 2", Check(template, """{"components":[{"type":"button","sub_type":"url","index":1,"parameters":[{"type":"text","text":"abc"}]}]}"""), StringComparison.Ordinal);
    }

    private static string? Check(string components, string send, string category = "UTILITY") =>
        TemplateParameters.Check(new TemplateDefinition("tpl_1", "t", "en_US", category, "APPROVED", components), send);
}
