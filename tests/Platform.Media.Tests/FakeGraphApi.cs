using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Media.Tests;

/// <summary>
/// Meta's Graph API on a free loopback port, checking what Meta checks: the number's bearer token (401, code 190), the
/// path, the send body's shape and the upload's multipart fields (400, code 100). It takes sends and media uploads, and
/// describes and serves customers' media: <c>GET /{media-id}</c> answers a download URL on this server, which again needs
/// the number's token. Downloads can be scripted to fail.
/// </summary>
public sealed class FakeGraphApi : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly ConcurrentDictionary<string, (string PhoneNumberId, string MimeType, byte[] Bytes)> _media = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _failingDownloads = new();
    private readonly ConcurrentDictionary<string, int> _downloadAttempts = new();
    private readonly ConcurrentQueue<GraphRequest> _sent = new();
    private readonly ConcurrentQueue<GraphUpload> _uploads = new();
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    /// <summary>Sends that passed Meta's checks, in the order they arrived.</summary>
    public IReadOnlyCollection<GraphRequest> Sent => _sent;

    /// <summary>Uploads that passed Meta's checks, in the order they arrived.</summary>
    public IReadOnlyCollection<GraphUpload> Uploads => _uploads;

    public void AddNumber(string phoneNumberId, string token) => _tokens[phoneNumberId] = token;

    /// <summary>A file a customer sent to <paramref name="phoneNumberId"/>: Meta's media id of it.</summary>
    public string AddCustomerMedia(string phoneNumberId, string mimeType, byte[] bytes)
    {
        var id = NewMediaId();
        _media[id] = (phoneNumberId, mimeType, bytes);
        return id;
    }

    /// <summary>The next <paramref name="times"/> downloads of <paramref name="mediaId"/> answer <paramref name="status"/>.</summary>
    public void FailDownloads(string mediaId, int times, int status = 503) =>
        _failingDownloads[mediaId] = new ConcurrentQueue<int>(Enumerable.Repeat(status, times));

    /// <summary>How many times the file of <paramref name="mediaId"/> was asked for, failed answers included.</summary>
    public int DownloadAttempts(string mediaId) => _downloadAttempts.GetValueOrDefault(mediaId);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{version}/{phoneNumberId}/messages", Send);
        _app.MapPost("/{version}/{phoneNumberId}/media", Upload);
        _app.MapGet("/{version}/{mediaId}", Describe);
        _app.MapGet("/download/{mediaId}", Download);
        await _app.StartAsync();
        Url = _app.Urls.First();
    }

    private async Task<IResult> Send(string version, string phoneNumberId, HttpContext context)
    {
        if (Refuse(version, phoneNumberId, context) is { } refusal)
        {
            return refusal;
        }

        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(context.Request.Body)).RootElement.Clone();
        }
        catch (JsonException)
        {
            return Error(400, 100, "Invalid parameter");
        }

        if (!body.TryGetProperty("messaging_product", out var product) || product.GetString() != "whatsapp"
            || !body.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.String
            || !body.TryGetProperty("type", out var type) || !body.TryGetProperty(type.GetString()!, out var typeObject))
        {
            return Error(400, 100, "Invalid parameter");
        }

        // Meta knows only media ids its own uploads answered, each for the number that uploaded it.
        if (typeObject.TryGetProperty("id", out var mediaId)
            && (!_media.TryGetValue(mediaId.GetString()!, out var media) || media.PhoneNumberId != phoneNumberId))
        {
            return Error(400, 131053, "Media upload error: unknown media id");
        }

        _sent.Enqueue(new GraphRequest(phoneNumberId, body));
        return Results.Json(new
        {
            messaging_product = "whatsapp",
            contacts = new[] { new { input = to.GetString(), wa_id = to.GetString() } },
            messages = new[] { new { id = "wamid.FAKE" + Guid.NewGuid().ToString("N") } },
        });
    }

    private async Task<IResult> Upload(string version, string phoneNumberId, HttpContext context)
    {
        if (Refuse(version, phoneNumberId, context) is { } refusal)
        {
            return refusal;
        }

        if (!context.Request.HasFormContentType)
        {
            return Error(400, 100, "The request must be multipart/form-data");
        }

        var form = await context.Request.ReadFormAsync();
        if (form["messaging_product"] != "whatsapp")
        {
            return Error(400, 100, "The parameter messaging_product is required.");
        }

        if (form["type"].ToString() is not { Length: > 0 } type)
        {
            return Error(400, 100, "The parameter type is required.");
        }

        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return Error(400, 100, "The parameter file is required.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var id = NewMediaId();
        _media[id] = (phoneNumberId, type, buffer.ToArray());
        _uploads.Enqueue(new GraphUpload(phoneNumberId, id, type, file.FileName, file.ContentType, buffer.ToArray()));
        return Results.Json(new { id });
    }

    private IResult Describe(string version, string mediaId, HttpContext context)
    {
        if (!_media.TryGetValue(mediaId, out var media))
        {
            return Error(400, 100, $"Unsupported get request. Object with ID '{mediaId}' does not exist");
        }

        if (Refuse(version, media.PhoneNumberId, context) is { } refusal)
        {
            return refusal;
        }

        return Results.Json(new
        {
            messaging_product = "whatsapp",
            url = $"{Url}/download/{mediaId}?ext={Random.Shared.Next().ToString(CultureInfo.InvariantCulture)}",
            mime_type = media.MimeType,
            sha256 = Convert.ToHexStringLower(SHA256.HashData(media.Bytes)),
            file_size = media.Bytes.Length,
            id = mediaId,
        });
    }

    private IResult Download(string mediaId, HttpContext context)
    {
        _downloadAttempts.AddOrUpdate(mediaId, 1, (_, count) => count + 1);
        if (!_media.TryGetValue(mediaId, out var media))
        {
            return Results.NotFound();
        }

        if (context.Request.Headers.Authorization.ToString() != $"Bearer {_tokens.GetValueOrDefault(media.PhoneNumberId)}")
        {
            return Error(401, 190, "Invalid OAuth access token");
        }

        if (_failingDownloads.TryGetValue(mediaId, out var failures) && failures.TryDequeue(out var status))
        {
            return Results.StatusCode(status);
        }

        return Results.Bytes(media.Bytes, media.MimeType);
    }

    private IResult? Refuse(string version, string phoneNumberId, HttpContext context)
    {
        if (!version.StartsWith('v') || !_tokens.TryGetValue(phoneNumberId, out var token))
        {
            return Error(400, 100, $"Unsupported post request. Object with ID '{phoneNumberId}' does not exist");
        }

        return context.Request.Headers.Authorization.ToString() == $"Bearer {token}"
            ? null
            : Error(401, 190, "Invalid OAuth access token - Cannot parse access token");
    }

    private static string NewMediaId() => Random.Shared.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999).ToString(CultureInfo.InvariantCulture);

    private static IResult Error(int status, int code, string message) => Results.Json(
        new { error = new { message = $"(#{code}) {message}", type = "OAuthException", code, fbtrace_id = "AbCdEf" } },
        statusCode: status);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
