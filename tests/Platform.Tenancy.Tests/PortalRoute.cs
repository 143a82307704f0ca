namespace Platform.Tenancy.Tests;

/// <summary>
/// One portal route as the walk tests call it: its method and template, the scope it needs (null: any key of the tenant),
/// and the concrete path for another tenant's resources (<see cref="OtherTenantPath"/>), or null when the route names none.
/// </summary>
public sealed record PortalRoute(string Method, string Template, string? Scope, Func<OtherTenant, string>? OtherTenantPath = null, object? Body = null)
{
    public string Path(OtherTenant other) => OtherTenantPath?.Invoke(other) ?? Template;

    public override string ToString() => $"{Method} {Template}";
}
