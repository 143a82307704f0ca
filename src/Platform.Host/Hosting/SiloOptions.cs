using System.ComponentModel.DataAnnotations;

namespace Platform.Host.Hosting;

/// <summary>Settings of this process's Orleans silo (section <c>Orleans</c>).</summary>
public sealed class SiloOptions
{
    public const string Section = "Orleans";

    /// <summary>Silos with the same cluster id form one cluster.</summary>
    [Required]
    public string ClusterId { get; set; } = "platform";

    /// <summary>Names the service's stored state; keep it across deployments.</summary>
    [Required]
    public string ServiceId { get; set; } = "platform";

    /// <summary>Port for silo-to-silo traffic.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for Orleans clients outside the silo; 0 turns the gateway off.</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; defaults to this host's first address.</summary>
    public string? AdvertisedIPAddress { get; set; }
}
