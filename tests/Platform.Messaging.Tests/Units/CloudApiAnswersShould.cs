using Platform.WhatsApp.Channels;
using Platform.WhatsApp.CloudApi;

namespace Platform.Messaging.Tests.Units;

public class CloudApiAnswersShould
{
    [Fact]
    public void Read_the_wamid_and_wa_id_of_a_success()
    {
        var result = CloudApiChannel.Interpret(200, """{"messaging_product":"whatsapp","contacts":[{"input":"+5511987654321","wa_id":"551187654321"}],"messages":[{"id":"wamid.ABC"}]}""");

        Assert.Equal("wamid.ABC", result.Wamid);
        Assert.Equal("551187654321", result.WaId);
    }

    [Theory]
    [InlineData(130429, 400, true, false)]
    [InlineData(131056, 400, true, false)]
    [InlineData(131000, 500, true, false)]
    [InlineData(131050, 400, false, true)]
    [InlineData(131047, 400, false, false)]
    [InlineData(190, 401, false, false)]
    [InlineData(132001, 404, false, false)]
    public void Map_metas_error_codes_to_retry_fail_or_consent(int code, int status, bool retry, bool optsOutOfMarketing)
    {
        var result = CloudApiChannel.Interpret(status, $$$"""{"error":{"message":"(#{{{code}}}) x","type":"OAuthException","code":{{{code}}},"error_data":{"messaging_product":"whatsapp","details":"why"},"fbtrace_id":"A"}}""");

        Assert.Null(result.Wamid);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal("why", result.Error.Details);
        Assert.Equal(retry, result.IsRetryable);
        Assert.Equal(optsOutOfMarketing, result.OptsOutOfMarketing);
    }

    [Fact]
    public void Retry_a_gateway_error_that_is_not_json()
    {
        Assert.True(CloudApiChannel.Interpret(502, "<html>Bad gateway</html>").IsRetryable);
    }

    [Fact]
    public void Build_metas_body_with_our_id_as_callback_data_and_the_reply_context()
    {
        var body = CloudApiChannel.Body(new ChannelMessage("msg_1", "106", "4915123456789", "text", """{"body":"hi"}""") { Context = """{"message_id":"wamid.X"}""" });

        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915123456789","type":"text","text":{"body":"hi"},"context":{"message_id":"wamid.X"},"biz_opaque_callback_data":"msg_1"}""",
            body);
    }
}
