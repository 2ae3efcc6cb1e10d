using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Hosting;
using PeeringFunctions.Acceptance;
using PeeringFunctions.ChatOps;
using PeeringFunctions.Diagnostics;
using PeeringFunctions.HttpApi;
using PeeringFunctions.Portal;
using PeeringFunctions.Workflow;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.Services.AddPeeringWorkflow(builder.Configuration);
builder.Services.AddPeeringHttpApi();
builder.Services.AddPeeringAcceptance();
builder.Services.AddPeeringChatOps(builder.Configuration);
builder.Services.AddPeeringPortal(builder.Configuration);

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
