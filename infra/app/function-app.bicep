// The Function App: Flex Consumption (FC1), Linux, dotnet-isolated 10.0, running as the user-assigned identity.
// Every app setting is here. Storage and telemetry are identity-based (no keys); secrets are Key Vault references
// resolved with the same identity (keyVaultReferenceIdentity), so no secret value is ever an app setting literal.

import { resourceTags, settingMap, tencentAccount, secretKeySecretName, approverKeySecretName } from 'types.bicep'

@description('Function App name.')
param name string

@description('Flex Consumption plan name.')
param planName string

@description('Azure region.')
param location string

@description('Tags for the resources (azd-env-name); the app also gets azd-service-name.')
param tags resourceTags

@description('azd service name in azure.yaml: azd deploy finds the app by this tag.')
param serviceName string = 'api'

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (for AzureWebJobsStorage and Application Insights).')
param identityClientId string

@description('Blob endpoint of the storage account, e.g. https://st....blob.core.windows.net/.')
param storageBlobEndpoint string

@description('Queue endpoint of the storage account (the Durable task hub\'s queues).')
param storageQueueEndpoint string

@description('Table endpoint of the storage account (the Durable task hub\'s history and instances).')
param storageTableEndpoint string

@description('Table of the peering registry (Registry__TableName).')
param registryTableName string

@description('URL of the blob container holding the deployment package.')
param deploymentContainerUrl string

@description('Application Insights component name.')
param applicationInsightsName string

@description('Key Vault URI, e.g. https://kv-....vault.azure.net/.')
param keyVaultUri string

@description('Durable task hub name (TASKHUB_NAME; host.json reads it as %TASKHUB_NAME%).')
param taskHubName string

@description('NCRONTAB schedule of the acceptance poller (AcceptancePollSchedule).')
param acceptancePollSchedule string

@description('NCRONTAB schedule of the drift watcher (DriftCheckSchedule).')
param driftCheckSchedule string

@description('NCRONTAB schedule of the history purge (PurgeSchedule).')
param purgeSchedule string

@description('NCRONTAB schedule of the stuck-instance check (StuckCheckSchedule).')
param stuckCheckSchedule string

@description('The managed Tencent accounts (identifiers only).')
param tencentAccounts tencentAccount[]

@description('Aliases whose ApproverKey secret exists in Key Vault: only these get Tencent__Accounts__{alias}__ApproverKey.')
param approverKeyAliases string[]

@description('Tencent VPC API host name (Tencent__Endpoint). Empty: the app\'s default, vpc.tencentcloudapi.com.')
param tencentEndpoint string

@description('Language of Tencent error messages (Tencent__Language: zh-CN or en-US). Empty: Tencent\'s default.')
param tencentLanguage string

@description('Base URL for links in chat messages (Portal__BaseUrl). Empty: this app\'s own https URL.')
param portalBaseUrl string

@description('More app settings backed by Key Vault: { "<setting name>": "<Key Vault secret name>" }, e.g. chat-ops secrets.')
param keyVaultReferences settingMap

@description('More plain (non-secret) app settings: { "<setting name>": "<value>" }, e.g. ChatOps approvers.')
param extraAppSettings settingMap

@description('Memory per instance (MB).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Most instances the app scales out to. Bounded so a burst cannot hammer Tencent\'s API rate limits.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity (the default would be a system identity, which this app has none of).
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          // The package is fetched with the identity, not with a storage key or SAS.
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// A Key Vault reference the platform resolves at startup; unversioned, so a rotated secret is picked up on refresh.
func keyVaultReference(vaultUri string, secretName string) string =>
  '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)'

// Tencent__Accounts__{alias}__{Uin,SecretId,SecretKey[,ApproverKey]} for every account (TencentOptions in the app).
var accountSettings = reduce(
  tencentAccounts,
  {},
  (settings, account) =>
    union(
      settings,
      {
        'Tencent__Accounts__${account.alias}__Uin': account.uin
        'Tencent__Accounts__${account.alias}__SecretId': account.secretId
        'Tencent__Accounts__${account.alias}__SecretKey': keyVaultReference(
          keyVaultUri,
          secretKeySecretName(account.alias)
        )
      },
      // Only when the secret exists: an unresolved reference would reach the app as its literal text.
      contains(approverKeyAliases, account.alias)
        ? {
            'Tencent__Accounts__${account.alias}__ApproverKey': keyVaultReference(
              keyVaultUri,
              approverKeySecretName(account.alias)
            )
          }
        : {}
    )
)

var referencedSettings = toObject(
  items(keyVaultReferences),
  setting => setting.key,
  setting => keyVaultReference(keyVaultUri, setting.value)
)

var tencentSettings = union(
  empty(tencentEndpoint) ? {} : { Tencent__Endpoint: tencentEndpoint },
  empty(tencentLanguage) ? {} : { Tencent__Language: tencentLanguage }
)

// Settings the deployment owns; listed last in union() so extra settings cannot override them.
var platformSettings = {
  // Host storage and the Durable task hub (Azure Storage backend), identity-based: no connection string.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  // The peering registry: a table in the same account, identity-based like the host's storage.
  Registry__Store: 'AzureTables'
  Registry__TableName: registryTableName
  Registry__TableServiceUri: storageTableEndpoint
  // Telemetry with Entra ID (local auth is disabled on the component).
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // host.json: "hubName": "%TASKHUB_NAME%".
  TASKHUB_NAME: taskHubName
  // PollAcceptances: [TimerTrigger("%AcceptancePollSchedule%")].
  AcceptancePollSchedule: acceptancePollSchedule
  // CheckDrift: [TimerTrigger("%DriftCheckSchedule%")].
  DriftCheckSchedule: driftCheckSchedule
  // PurgeHistory: [TimerTrigger("%PurgeSchedule%")].
  PurgeSchedule: purgeSchedule
  // CheckStuckInstances: [TimerTrigger("%StuckCheckSchedule%")].
  StuckCheckSchedule: stuckCheckSchedule
  Portal__BaseUrl: empty(portalBaseUrl) ? 'https://${site.properties.defaultHostName}' : portalBaseUrl
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(extraAppSettings, referencedSettings, tencentSettings, accountSettings, platformSettings)
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
