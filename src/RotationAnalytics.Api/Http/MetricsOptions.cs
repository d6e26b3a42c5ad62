using System.Net;

namespace RotationAnalytics.Api.Http;

/// <summary>Who may scrape <c>/metrics</c> (section <c>Metrics</c>).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>
    /// Client addresses or networks in CIDR form (<c>10.0.0.0/8</c>, <c>127.0.0.1</c>) allowed to scrape; empty allows
    /// everyone. Operational data (request rates, data version) is not secret but need not be public either.
    /// </summary>
    public IList<string> AllowedNetworks { get; } = [];

    public bool Allows(IPAddress? address)
    {
        if (AllowedNetworks.Count == 0)
        {
            return true;
        }

        if (address is null)
        {
            return false;
        }

        var client = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return AllowedNetworks.Any(n => IPNetwork.Parse(n.Contains('/', StringComparison.Ordinal) ? n : n + (n.Contains(':', StringComparison.Ordinal) ? "/128" : "/32")).Contains(client));
    }
}
