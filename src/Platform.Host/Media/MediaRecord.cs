using System.Collections.Immutable;

namespace Platform.Host.Media;

/// <summary>
/// A file a tenant uploaded or a customer sent, as the media store keeps it beside the bytes. <see cref="MetaUploads"/> holds
/// Meta's media id of the file for each business number it was uploaded for; <see cref="Customers"/> the customers it was
/// sent to (for erasure).
/// </summary>
public sealed record MediaRecord
{
    public const string Uploaded = "uploaded";
    public const string Received = "received";

    public required string TenantId { get; init; }

    /// <summary>Our id, <c>med_…</c>.</summary>
    public required string Id { get; init; }

    public required string MimeType { get; init; }

    public required long Size { get; init; }

    /// <summary>SHA-256 of the bytes, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    public string? FileName { get; init; }

    /// <summary><see cref="Uploaded"/> by the tenant or <see cref="Received"/> from a customer.</summary>
    public required string Direction { get; init; }

    /// <summary>The business number it was received on, or uploaded for.</summary>
    public string? PhoneNumberId { get; init; }

    /// <summary>The customer who sent it (received media).</summary>
    public string? CustomerWaId { get; init; }

    /// <summary>Meta's media id of a received file (kept as Meta named it).</summary>
    public string? MetaSourceId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public ImmutableDictionary<string, MetaUpload> MetaUploads { get; init; } = ImmutableDictionary<string, MetaUpload>.Empty;

    public ImmutableSortedSet<string> Customers { get; init; } = ImmutableSortedSet<string>.Empty;

    /// <summary>The name a download carries: the file's own name, or the id with the type's extension.</summary>
    public string DownloadName => FileName ?? Id + Platform.WhatsApp.Media.MediaTypes.ExtensionOf(MimeType);

    /// <summary>Every customer this file concerns: who sent it and who it was sent to.</summary>
    public IEnumerable<string> AllCustomers => CustomerWaId is null ? Customers : Customers.Add(CustomerWaId);

    /// <summary>Whether the file is only this customer's: they sent it, or it was sent to them and nobody else.</summary>
    public bool IsOnlyAbout(string waId) =>
        CustomerWaId == waId || (CustomerWaId is null && Customers.Count == 1 && Customers.Contains(waId));
}
