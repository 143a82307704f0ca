using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Grains.Audit;
using Platform.Grains.Identifiers;
using Platform.Grains.Templates;
using Platform.Grains.Tenants;
using Platform.Host.Audit;
using Platform.Host.Authentication;
using Platform.Host.Partner;
using Platform.Host.PhoneNumbers;
using Platform.Host.Problems;
using Platform.Host.Security;
using Platform.WhatsApp.Onboarding;

namespace Platform.Host.Templates;

/// <summary>
/// A tenant's message templates. Cloud API templates are submitted to Meta and stay PENDING until Meta's status update;
/// sandbox templates approve themselves after a short delay.
/// </summary>
public static class TemplatesApi
{
    public static RouteGroupBuilder MapTemplatesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/templates")
            .WithTags("Templates")
            .RequireAuthorization(AuthenticationSchemes.TenantKey)
            .RequireScopes(ApiScopes.TemplatesRead, ApiScopes.TemplatesWrite);

        group.MapPost("/", CreateTemplate).WithName("CreateTemplate")
            .WithSummary("Creates a message template and submits it for review (to Meta for cloud_api numbers).");
        group.MapGet("/", ListTemplates).WithName("ListTemplates").WithSummary("The tenant's templates with their review status, a page at a time.");
        group.MapGet("/{id}", GetTemplate).WithName("GetTemplate").WithSummary("One template with its status and Meta's reason.");
        group.MapDelete("/{id}", DeleteTemplate).WithName("DeleteTemplate").WithSummary("Deletes a template (at Meta too for cloud_api).");
        return group;
    }

    private static async Task<Results<Created<TemplateResponse>, ValidationProblem, ProblemHttpResult>> CreateTemplate(
        CreateTemplateRequest request,
        CurrentTenant tenant,
        IGrainFactory grains,
        MetaGraphClient graph,
        SecretProtector protector,
        AuditTrail audit,
        IOptions<TemplateOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = TemplateRules.Validate(request);
        var tenantGrain = grains.GetGrain<ITenantGrain>(tenant.Id);
        var cloudNumbers = (await tenantGrain.GetPhoneNumbersAsync()).Where(number => number.WabaId is not null && number.ProtectedAccessToken is not null).ToList();
        var wabaIds = cloudNumbers.Select(number => number.WabaId!).Distinct().ToList();
        var wabaId = request.WabaId ?? (wabaIds.Count == 1 ? wabaIds[0] : null);
        if (request.WabaId is not null && !wabaIds.Contains(request.WabaId))
        {
            errors["waba_id"] = ["The WhatsApp Business Account must be one of this tenant's cloud_api numbers' accounts."];
        }
        else if (wabaIds.Count > 1 && wabaId is null)
        {
            errors["waba_id"] = [$"This tenant's numbers span several accounts; name one of: {string.Join(", ", wabaIds)}."];
        }

        if (errors.Count > 0)
        {
            return Problem.Invalid(errors);
        }

        var grain = grains.GetGrain<ITemplateGrain>(new TemplateKey(tenant.Id, request.Name!, request.Language!).ToString());
        if (await grain.GetAsync() is not null)
        {
            return Exists(request);
        }

        // The template exists before Meta hears of it, so Meta's status update (which can beat Meta's own answer) finds it.
        var definition = new TemplateDefinition(
            PlatformIds.New("tpl", time.GetUtcNow()), request.Name!, request.Language!, request.Category!, TemplateStatuses.Pending,
            request.Components!.Value.GetRawText()) { WabaId = wabaId };
        if (!await grain.CreateAsync(definition, options.Value.SandboxApprovalDelay))
        {
            return Exists(request);
        }

        if (wabaId is not null)
        {
            var token = protector.Unprotect(cloudNumbers.First(number => number.WabaId == wabaId).ProtectedAccessToken!);
            try
            {
                var submitted = await graph.SubmitTemplateAsync(token, wabaId, definition.Name, definition.Language, definition.Category, request.Components.Value, cancellationToken);
                await grain.AttachMetaTemplateAsync(submitted.Id, TemplateStatuses.All.Contains(submitted.Status) ? submitted.Status : TemplateStatuses.Pending);
            }
            catch (MetaGraphException exception)
            {
                await grain.DeleteAsync();
                return MetaProblems.From(exception, $"template {definition.Name} ({definition.Language})");
            }
            catch
            {
                await grain.DeleteAsync();
                throw;
            }
        }

        await tenantGrain.AddTemplateAsync(new TemplateReference(definition.Id, definition.Name, definition.Language));
        await audit.RecordAsync(tenant.Id, AuditActions.TemplateCreated, definition.Id, $"{definition.Name} ({definition.Language}, {definition.Category})");
        return TypedResults.Created($"/v1/templates/{definition.Id}", TemplateResponse.From((await grain.GetAsync())!));
    }

    private static async Task<Results<Ok<ListResponse<TemplateResponse>>, ValidationProblem>> ListTemplates(
        CurrentTenant tenant, IGrainFactory grains, int? limit, string? cursor)
    {
        if (Paging.Limit(limit) is (_, { } errors))
        {
            return Problem.Invalid(errors);
        }

        var references = await grains.GetGrain<ITenantGrain>(tenant.Id).GetTemplatesAsync();
        var page = Paging.Page(references, reference => reference.Id, cursor, Paging.Limit(limit).Limit, reference => reference);
        var templates = await Task.WhenAll(page.Data.Select(reference => Grain(grains, tenant.Id, reference).GetAsync()));
        return TypedResults.Ok(new ListResponse<TemplateResponse>(
            [.. templates.Where(template => template is not null).Select(template => TemplateResponse.From(template!))], page.NextCursor));
    }

    private static async Task<Results<Ok<TemplateResponse>, ProblemHttpResult>> GetTemplate(string id, CurrentTenant tenant, IGrainFactory grains) =>
        await FindAsync(grains, tenant.Id, id) is { } found && await found.GetAsync() is { } template
            ? TypedResults.Ok(TemplateResponse.From(template))
            : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTemplate(
        string id, CurrentTenant tenant, IGrainFactory grains, MetaGraphClient graph, SecretProtector protector, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (await FindAsync(grains, tenant.Id, id) is not { } grain || await grain.GetAsync() is not { } template)
        {
            return NotFound(id);
        }

        var tenantGrain = grains.GetGrain<ITenantGrain>(tenant.Id);
        if (template is { WabaId: { } wabaId, MetaTemplateId: { } metaId }
            && (await tenantGrain.GetPhoneNumbersAsync()).FirstOrDefault(number => number.WabaId == wabaId && number.ProtectedAccessToken is not null) is { } number)
        {
            try
            {
                await graph.DeleteTemplateAsync(protector.Unprotect(number.ProtectedAccessToken!), wabaId, template.Name, metaId, cancellationToken);
            }
            catch (MetaGraphException exception)
            {
                return MetaProblems.From(exception, $"deleting template {template.Name}");
            }
        }

        await grain.DeleteAsync();
        await tenantGrain.RemoveTemplateAsync(id);
        await audit.RecordAsync(tenant.Id, AuditActions.TemplateDeleted, id, $"{template.Name} ({template.Language})");
        return TypedResults.NoContent();
    }

    private static async Task<ITemplateGrain?> FindAsync(IGrainFactory grains, string tenantId, string id) =>
        (await grains.GetGrain<ITenantGrain>(tenantId).GetTemplatesAsync()).FirstOrDefault(reference => reference.Id == id) is { } reference
            ? Grain(grains, tenantId, reference)
            : null;

    private static ITemplateGrain Grain(IGrainFactory grains, string tenantId, TemplateReference reference) =>
        grains.GetGrain<ITemplateGrain>(new TemplateKey(tenantId, reference.Name, reference.Language).ToString());

    private static ProblemHttpResult Exists(CreateTemplateRequest request) =>
        Problem.Conflict(ErrorCodes.TemplateExists, $"This tenant already has template '{request.Name}' in {request.Language}.");

    private static ProblemHttpResult NotFound(string id) => Problem.NotFound($"No template of this tenant has id '{id}'.");
}
