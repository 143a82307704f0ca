using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Billing.Plans;
using Platform.Billing.Pricing;
using Platform.Host.Authentication;
using Platform.Host.Problems;

namespace Platform.Host.Billing;

/// <summary>Meta's rates as the operator loads them: passed through to tenants, with each plan's fee on top.</summary>
public static class RateCardApi
{
    private const int MaxBytes = 256 * 1024;

    public static RouteGroupBuilder MapRateCardApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/partner/v1/rate-card")
            .WithTags("Partner: billing")
            .RequireAuthorization(AuthenticationSchemes.Operator);

        group.MapPut("/", Upload).WithName("UploadRateCard")
            .WithSummary("Loads Meta's rates from CSV (market,currency,marketing,utility,authentication,service); replaces the markets listed.")
            .Accepts<string>("text/csv");
        group.MapGet("/", Get).WithName("GetRateCard").WithSummary("The rates loaded, per market and currency.");
        return group;
    }

    private static async Task<Results<Ok<RateCardResponse>, ValidationProblem>> Upload(HttpRequest request, IBillingCatalog catalog, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return Problem.Invalid("body", $"The rate card is larger than {MaxBytes / 1024} KiB.");
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxBytes + 1];
        var length = await reader.ReadBlockAsync(buffer, cancellationToken);
        if (length > MaxBytes)
        {
            return Problem.Invalid("body", $"The rate card is larger than {MaxBytes / 1024} KiB.");
        }

        var (rates, errors) = RateCardCsv.Parse(new string(buffer, 0, length));
        if (errors.Count > 0)
        {
            return Problem.Invalid("body", string.Join(" ", errors.Take(20)));
        }

        await catalog.SaveRatesAsync(rates, cancellationToken);
        return TypedResults.Ok(RateCardResponse.From(await catalog.GetRateCardAsync(cancellationToken)));
    }

    private static async Task<Ok<RateCardResponse>> Get(IBillingCatalog catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok(RateCardResponse.From(await catalog.GetRateCardAsync(cancellationToken)));
}
