using Platform.Billing.Hosting;
using Platform.ServiceDefaults;

namespace Platform.Billing;

/// <summary>
/// The billing service as its own process. A named entry point, not top-level statements: the host references this
/// project, and two generated <c>Program</c> classes would collide.
/// </summary>
public static class BillingProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.AddServiceDefaults();
        builder.AddBillingService();
        builder.AddBillingBus();

        var app = builder.Build();

        app.MapDefaultEndpoints();

        app.Run();
    }
}
