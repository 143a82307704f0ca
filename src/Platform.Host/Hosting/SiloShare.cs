using Platform.WhatsApp.CloudApi;

namespace Platform.Host.Hosting;

/// <summary>Every active silo of the cluster sends, so each paces a number at its share of the number's rate.</summary>
internal sealed class SiloShare(IClusterMembershipService membership) : IClusterShare
{
    public int Senders => Math.Max(1, membership.CurrentSnapshot.Members.Values.Count(member => member.Status == SiloStatus.Active));
}
