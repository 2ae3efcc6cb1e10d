using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeeringFunctions.ChatOps;
using PeeringFunctions.Diagnostics;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Acceptance;
using PeeringFunctions.Peerings.Purging;
using PeeringFunctions.Peerings.Stuck;
using PeeringFunctions.Peerings.Watching;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PeeringFunctions.Peerings.Telemetry;
using PeeringFunctions.Portal;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Top-down: the workflow, the use cases over it, then the adapters that call them.
// The peering registry: Azure Tables in the app's own storage account (AzureWebJobsStorage) unless "Registry" says otherwise,
// reached with the app's user-assigned identity when the storage is identity-based (the deployed app: no shared keys).
if (builder.Configuration["AzureWebJobsStorage:clientId"] is { Length: > 0 } storageClientId)
{
    builder.Services.AddSingleton<TokenCredential>(new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(storageClientId)));
}

builder.Services.AddPeeringRegistry(builder.Configuration, HostStorageDefaults.FunctionsApp(builder.Configuration));
builder.Services.AddPeeringWorkflow(builder.Configuration);
builder.Services.AddPeerings(builder.Configuration);
builder.Services.AddPeeringAcceptance();
builder.Services.AddPeeringWatch();
builder.Services.AddPeeringPurge(builder.Configuration);
builder.Services.AddStuckCheck(builder.Configuration);
builder.Services.AddPeeringHttpApi();
builder.Services.AddPeeringChatOps(builder.Configuration);
builder.Services.AddPeeringPortal();

// OpenTelemetry (host.json telemetryMode: OpenTelemetry): the worker's own spans and the app's sources and meters
// (every Tencent call, the rate limiter), to Application Insights when the app has its connection string.
builder.Services.AddPeeringTelemetry(builder.Configuration);
var telemetry = builder.Services.AddOpenTelemetry()
    .UseFunctionsWorkerDefaults()
    .WithTracing(tracing => tracing.AddSource(TelemetryNames.Sources))
    .WithMetrics(metrics => metrics.AddMeter(TelemetryNames.Meters));
if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    telemetry.UseAzureMonitorExporter();
}

// The class-based orchestrators and activities of PeeringFunctions.Workflow, registered natively (no source generator):
// the Durable extension's metadata transformer reports each of them to the host as a function.
builder.ConfigureDurableWorker().AddTasks(WorkflowRegistration.Register);

var app = builder.Build();

if (MetadataDump.IsRequested(args))
{
    // Operator/test mode: print the functions the worker would report to the host, then exit without running.
    return await MetadataDump.WriteAsync(app.Services, Console.Out);
}

await app.RunAsync();
return 0;
