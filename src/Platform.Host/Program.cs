using Platform.Host.ApiKeys;
using Platform.Host.Audit;
using Platform.Host.Contacts;
using Platform.Host.Billing;
using Platform.Host.DeadLetters;
using Platform.Host.Hosting;
using Platform.Host.Media;
using Platform.Host.Messages;
using Platform.Host.MetaWebhooks;
using Platform.Host.Partner;
using Platform.Host.PhoneNumbers;
using Platform.Host.Privacy;
using Platform.Host.RateLimiting;
using Platform.Host.Sandbox;
using Platform.Host.Security;
using Platform.Host.Templates;
using Platform.Host.Webhooks;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
var mode = PlatformMode.From(builder.Configuration);
var report = builder.AddStartupReport(mode);

builder.AddServiceDefaults();
builder.AddPlatformApi();
builder.AddPlatformSecurity(mode, report);
builder.AddPlatformStorage(mode);
builder.AddPlatformSilo(mode);
builder.AddPlatformMessaging(mode);
builder.AddPlatformWebhooks(report);
builder.AddPlatformPrivacy();
builder.AddPlatformBilling(mode, report);
builder.AddPlatformMedia(mode, report);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UsePlatformRateLimiting();

app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapPartnerTenantsApi();
app.MapPartnerPhoneNumbersApi();
app.MapAuditApi();
app.MapApiKeysApi();
app.MapTemplatesApi();
app.MapContactsApi();
app.MapPrivacyApi();
app.MapPhoneNumbersApi();
app.MapWebhookEndpointsApi();
app.MapWebhookDeadLettersApi();
app.MapInboundDeadLettersApi();
app.MapMetaWebhooksApi();
app.MapSandboxApi();
app.MapMessagesApi();
app.MapMediaApi();
app.MapCloudMediaApi();
Platform.Host.CloudApi.CloudMessagesApi.MapCloudMessagesApi(app);
Platform.Host.Conversations.ConversationsApi.MapConversationsApi(app);
Platform.Host.Settings.SettingsApi.MapSettingsApi(app);
app.MapBillingApis();

app.Run();

/// <summary>The host's entry point; public so API tests can start it with WebApplicationFactory.</summary>
public partial class Program;
