// PeeringFunctions on Azure, azd conventions (modelled on Azure-Samples/durable-functions-quickstart-dotnet-azd):
// subscription scope, one resource group per azd environment, names = abbreviation + a token unique to
// (subscription, environment, location), tag azd-env-name on everything. All resources are declared here and in
// ./app (no registry modules: the templates build offline with the Bicep CLI from NuGet).

targetScope = 'subscription'

import { settingMap, tencentAccount, tencentSecretsByAlias } from 'app/types.bicep'

@minLength(1)
@maxLength(64)
@description('azd environment name; part of the resource group name and of every resource name\'s unique token.')
param environmentName string

@minLength(1)
@description('Region for every resource. Must offer Flex Consumption (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group to create. Empty: rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the operator who puts secrets into Key Vault (azd passes the signed-in principal). Empty: no operator role.')
param principalId string = ''

@description('Type of principalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('The Tencent Cloud accounts the app manages: [{ "alias": "alpha", "uin": "100000000001", "secretId": "AKID...", "approverKeyInKeyVault": true }]. No secret values here.')
param tencentAccounts tencentAccount[] = []

@description('Optional, deploy-time only: secret values by alias, { "<alias>": { "secretKey": "...", "approverKey": "..." } }, written as Key Vault secrets. Leave empty to put the secrets in with az keyvault secret set (docs/deploy.md).')
param tencentSecrets tencentSecretsByAlias = {}

@description('Tencent VPC API host name (Tencent__Endpoint). Empty: vpc.tencentcloudapi.com.')
param tencentEndpoint string = ''

@description('Language of Tencent error messages (Tencent__Language).')
@allowed([
  ''
  'zh-CN'
  'en-US'
])
param tencentLanguage string = ''

@description('Durable task hub name (TASKHUB_NAME): 3-45 letters and digits, starting with a letter. One storage account per environment, so the default is fine unless two apps share it.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'PeeringHub'

@description('Table of the peering registry (Registry__TableName): 3-63 letters and digits, starting with a letter.')
@minLength(3)
@maxLength(63)
param registryTableName string = 'peerings'

@description('NCRONTAB schedule (UTC) of the acceptance poller (AcceptancePollSchedule).')
param acceptancePollSchedule string = '0 */1 * * * *'

@description('NCRONTAB schedule (UTC) of the drift watcher (DriftCheckSchedule).')
param driftCheckSchedule string = '0 */15 * * * *'

@description('NCRONTAB schedule (UTC) of the history purge (PurgeSchedule): finished instances past Purge__Retention, a bounded batch per tick.')
param purgeSchedule string = '0 0 * * * *'

@description('NCRONTAB schedule (UTC) of the stuck-instance check (StuckCheckSchedule).')
param stuckCheckSchedule string = '0 */5 * * * *'

@description('Base URL for links in chat messages (Portal__BaseUrl). Empty: the Function App\'s own https URL.')
param portalBaseUrl string = ''

@description('More app settings backed by Key Vault secrets: { "<setting name>": "<secret name>" }, e.g. { "ChatOps__Slack__SigningSecret": "chatops-slack-signing-secret" }. Add an entry only once its secret exists.')
param keyVaultReferences settingMap = {}

@description('More plain (non-secret) app settings: { "<setting name>": "<value>" }, e.g. ChatOps approvers and channels without keys.')
param extraAppSettings settingMap = {}

@description('Key Vault purge protection. Recommended for production; cannot be turned off once on.')
param keyVaultPurgeProtection bool = false

@description('Memory per Flex Consumption instance (MB).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
// Names are known before deployment (not taken from module outputs), so What-If can predict every role assignment.
var identityName = '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'
var keyVaultName = '${abbrs.keyVaultVaults}${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(toLower(uniqueString(functionAppName, resourceToken)), 7)}'

// Accounts whose ApproverKey exists in Key Vault (declared by the operator, or passed now): only these get the setting.
var approverKeyAliases = map(
  filter(
    tencentAccounts,
    account => (account.?approverKeyInKeyVault ?? false) || !empty(tencentSecrets[?account.alias].?approverKey ?? '')
  ),
  account => account.alias
)

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: empty(resourceGroupName) ? '${abbrs.resourcesResourceGroups}${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    registryTableName: registryTableName
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

// The operations dashboard (docs/operations.md): peerings by state, waits, Tencent calls, throttling, drift, stuck instances.
module workbook 'app/workbook.bicep' = {
  name: 'workbook'
  scope: rg
  params: {
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
  dependsOn: [
    monitoring
  ]
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    enablePurgeProtection: keyVaultPurgeProtection
    tencentAccounts: tencentAccounts
    tencentSecrets: tencentSecrets
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storageAccountName
    applicationInsightsName: applicationInsightsName
    keyVaultName: keyVaultName
    identityName: identityName
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
  dependsOn: [
    identity
    storage
    monitoring
    keyVault
  ]
}

module api 'app/function-app.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    registryTableName: registryTableName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsName: applicationInsightsName
    keyVaultUri: keyVault.outputs.vaultUri
    taskHubName: taskHubName
    acceptancePollSchedule: acceptancePollSchedule
    driftCheckSchedule: driftCheckSchedule
    purgeSchedule: purgeSchedule
    stuckCheckSchedule: stuckCheckSchedule
    tencentAccounts: tencentAccounts
    approverKeyAliases: approverKeyAliases
    tencentEndpoint: tencentEndpoint
    tencentLanguage: tencentLanguage
    portalBaseUrl: portalBaseUrl
    keyVaultReferences: keyVaultReferences
    extraAppSettings: extraAppSettings
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
  // The app starts only once its identity can read storage, secrets and publish telemetry (a Key Vault reference
  // that fails at first start stays unresolved until the next refresh), and after Application Insights exists.
  dependsOn: [
    rbac
    monitoring
  ]
}

// azd writes these to .azure/<env>/.env (azd env get-values); the portal needs API_BASE_URL.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_URI string = 'https://${api.outputs.defaultHostName}'
output API_BASE_URL string = 'https://${api.outputs.defaultHostName}/api'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.vaultUri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output TASKHUB_NAME string = taskHubName
