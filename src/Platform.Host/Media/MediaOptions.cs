using System.ComponentModel.DataAnnotations;

namespace Platform.Host.Media;

/// <summary>How customers' files are fetched from Meta and tenants' files uploaded to it (section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>
    /// Tries at fetching a customer's file before its message goes on without it. Meta's download URLs expire within minutes,
    /// so the retries stay in-process and short.
    /// </summary>
    [Range(1, 10)]
    public int FetchAttempts { get; set; } = 3;

    /// <summary>The wait before the second try; each later wait doubles.</summary>
    public TimeSpan FetchRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one upload to Meta or download from it may take (files reach 100 MB).</summary>
    public TimeSpan TransferTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
