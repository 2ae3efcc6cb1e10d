using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PeeringFunctions.Registry;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.TencentAccess;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Auditing;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.Workflow;

/// <summary>
/// The one list of orchestrators and activities, registered the same way by the Functions app
/// (ConfigureDurableWorker().AddTasks), the local host and the tests (AddTasks on their workers).
/// </summary>
public static class WorkflowRegistration
{
    public static void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestrator<PeeringOrchestrator>();
        registry.AddOrchestrator<TeardownOrchestrator>();
        registry.AddOrchestrator<BandwidthChangeOrchestrator>();
        registry.AddOrchestrator<RepairOrchestrator>();
        registry.AddOrchestrator<TopologyOrchestrator>();

        registry.AddActivity<DescribeVpcActivity>();
        registry.AddActivity<DescribeRouteTablesActivity>();
        registry.AddActivity<DescribePeeringsActivity>();
        registry.AddActivity<ResolveUinActivity>();
        registry.AddActivity<ResolveLimitsActivity>();
        registry.AddActivity<ResolvePreflightSettingsActivity>();
        registry.AddActivity<CreatePeeringActivity>();
        registry.AddActivity<NotifyReceiverActivity>();
        registry.AddActivity<NotifyOutcomeActivity>();
        registry.AddActivity<AcceptPeeringActivity>();
        registry.AddActivity<RejectPeeringActivity>();
        registry.AddActivity<DeletePeeringActivity>();
        registry.AddActivity<ModifyPeeringActivity>();
        registry.AddActivity<CreateRoutesActivity>();
        registry.AddActivity<DeleteRoutesActivity>();
        registry.AddActivity<AssociateSubnetActivity>();
        registry.AddActivity<RecordPeeringActivity>();
        registry.AddActivity<RecordTeardownActivity>();
        registry.AddActivity<EnableRoutesActivity>();
        registry.AddActivity<RecordRepairActivity>();
        registry.AddActivity<NotifyRepairActivity>();
        registry.AddActivity<NotifyTeardownActivity>();
        registry.AddActivity<NotifyTopologyConsentActivity>();
    }

    /// <summary>The services activities need: the Tencent access layer (accounts, client factory, rate limits) and a notifier.</summary>
    public static IServiceCollection AddPeeringWorkflow(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTencentAccess(configuration);
        services.TryAddSingleton<IPeeringNotifier, LoggingPeeringNotifier>();
        // A host that shares one registry between containers (the local host) or keeps it in Table Storage registers it first.
        services.TryAddSingleton<IPeeringRegistry, InMemoryPeeringRegistry>();
        // Beside the registry, likewise: the host registers the store that lives with its records.
        services.TryAddSingleton<IAuditTrail, InMemoryAuditTrail>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditWriter>();
        return services;
    }
}
