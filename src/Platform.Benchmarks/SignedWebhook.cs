using System.Net.Http.Headers;

namespace Platform.Benchmarks;

/// <summary>A Meta webhook POST built and signed ahead of time, so that the client spends nothing on it while the clock runs.</summary>
internal sealed record SignedWebhook(byte[] Body, string Signature, int Updates)
{
    public static SignedWebhook Of(byte[] body, int updates) => new(body, MetaPayloads.Sign(body), updates);

    public async Task<bool> PostAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", Signature);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode;
    }
}
