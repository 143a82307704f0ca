using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Audit;
using Platform.Grains.Tenants;
using Platform.Host.Authentication;
using Platform.Host.Partner;
using Platform.Host.Problems;

namespace Platform.Host.Audit;

/// <summary>The operator reads a tenant's audit log: key, endpoint, template, consent and status changes, newest first.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/partner/v1/tenants/{id}/audit")
            .WithTags("Partner: tenants")
            .RequireAuthorization(AuthenticationSchemes.Operator);

        group.MapGet("/", ListAudit).WithName("ListTenantAudit").WithSummary("A tenant's audit log, newest first, a page at a time.");
        return group;
    }

    private static async Task<Results<Ok<ListResponse<AuditEntryResponse>>, ValidationProblem, ProblemHttpResult>> ListAudit(
        string id, int? limit, string? cursor, IGrainFactory grains, AuditLog log, CancellationToken cancellationToken)
    {
        if (Paging.Limit(limit) is (_, { } errors))
        {
            return Problem.Invalid(errors);
        }

        if (await grains.GetGrain<ITenantGrain>(id).GetProfileAsync() is null)
        {
            return PartnerTenantsApi.NoTenant(id);
        }

        var page = await log.ListAsync(id, cursor, Paging.Limit(limit).Limit, cancellationToken);
        return TypedResults.Ok(new ListResponse<AuditEntryResponse>([.. page.Items.Select(AuditEntryResponse.From)], page.NextCursor));
    }
}
