using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Platform.WhatsApp.CloudApi;

namespace Platform.WhatsApp.Media;

/// <summary>
/// Meta's media endpoints for <c>cloud_api</c> numbers, each call with the number's bearer token: upload a file
/// (<c>POST /{phone-number-id}/media</c>, multipart, answering Meta's media id), look a media id up (<c>GET /{media-id}</c>,
/// answering a short-lived download URL) and download it (<c>GET url</c>, which also needs the token).
/// </summary>
public sealed class GraphMediaClient(HttpClient http, IOptions<CloudApiOptions> options)
{
    /// <summary>Uploads <paramref name="content"/> for <paramref name="phoneNumberId"/>; answers Meta's media id.</summary>
    public async Task<string> UploadAsync(
        string phoneNumberId, string accessToken, Stream content, string mimeType, string fileName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("whatsapp"), "messaging_product");
        form.Add(new StringContent(mimeType), "type");
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        form.Add(file, "file", fileName);
        using var request = Request(HttpMethod.Post, Url($"{Uri.EscapeDataString(phoneNumberId)}/media"), accessToken);
        request.Content = form;
        using var json = await SendForJsonAsync(request, timeout, cancellationToken);
        return String(json.RootElement, "id") ?? throw new GraphMediaException("Meta answered the upload without a media id.", null, retryable: false);
    }

    /// <summary>Meta's description of <paramref name="mediaId"/>, with the URL to download it from.</summary>
    public async Task<MetaMediaInfo> GetInfoAsync(string mediaId, string phoneNumberId, string accessToken, CancellationToken cancellationToken)
    {
        using var request = Request(
            HttpMethod.Get, Url($"{Uri.EscapeDataString(mediaId)}?phone_number_id={Uri.EscapeDataString(phoneNumberId)}"), accessToken);
        using var json = await SendForJsonAsync(request, options.Value.RequestTimeout, cancellationToken);
        var root = json.RootElement;
        if (String(root, "url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new GraphMediaException($"Meta described media {mediaId} without a download URL.", null, retryable: false);
        }

        return new MetaMediaInfo(
            uri,
            String(root, "mime_type") ?? "application/octet-stream",
            String(root, "sha256"),
            root.TryGetProperty("file_size", out var size) && size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out var bytes) ? bytes : null);
    }

    /// <summary>
    /// Downloads the file at <paramref name="url"/> into <paramref name="destination"/>, refusing more than
    /// <paramref name="maxBytes"/>.
    /// </summary>
    public async Task DownloadAsync(Uri url, string accessToken, Stream destination, long maxBytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, url, accessToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(response, deadline.Token);
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new GraphMediaException($"Meta's file is {response.Content.Headers.ContentLength} bytes, more than {maxBytes}.", null, retryable: false);
            }

            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            var buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, deadline.Token)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new GraphMediaException($"Meta's file is more than {maxBytes} bytes.", null, retryable: false);
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), deadline.Token);
            }
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GraphMediaException("Meta did not hand the file over in time.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new GraphMediaException("Meta could not be reached.", exception);
        }
    }

    private Uri Url(string pathAndQuery)
    {
        var settings = options.Value;
        return new Uri($"{settings.GraphApiBase.TrimEnd('/')}/{settings.GraphApiVersion}/{pathAndQuery}");
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri url, string accessToken)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    private async Task<JsonDocument> SendForJsonAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(response, deadline.Token);
            }

            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                throw new GraphMediaException("Meta answered with a body that is not JSON.", null, retryable: true);
            }
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GraphMediaException("Meta did not answer in time.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new GraphMediaException("Meta could not be reached.", exception);
        }
    }

    /// <summary>Meta's error object when there is one; 5xx, 408 and 429 and Meta's throttling codes are worth retrying.</summary>
    private static async Task<GraphMediaException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        int? code = null;
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                code = error.TryGetProperty("code", out var value) && value.TryGetInt32(out var parsed) ? parsed : null;
                message = String(error, "message");
            }
        }
        catch (JsonException)
        {
            // Meta's CDN answers some failures with HTML; the status code says enough.
        }

        var retryable = status >= 500
            || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || code is 1 or 2 or 4 or 80007 or 130429;
        return new GraphMediaException($"Meta answered {status}{(message is null ? "" : $": {message}")}.", code, retryable);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
