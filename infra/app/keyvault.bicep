// Key Vault for every secret the app reads through Key Vault references: each Tencent account's SecretKey and
// ApproverKey, and any chat-ops secret. RBAC authorization only (no access policies). Secret values either come from
// the @secure() deploy-time parameter below or are put in by an operator (docs/deploy.md); they are never in a file.

import { resourceTags, tencentAccount, tencentSecretsByAlias, secretKeySecretName, approverKeySecretName } from 'types.bicep'

@description('Key Vault name (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resource (azd-env-name).')
param tags resourceTags

@description('Purge protection: recommended for production. Once on it cannot be turned off, and a deleted vault then keeps its name for the whole retention period.')
param enablePurgeProtection bool

@description('Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('The managed Tencent accounts (identifiers only).')
param tencentAccounts tencentAccount[]

@description('Optional secret values by account alias: { "<alias>": { "secretKey": "...", "approverKey": "..." } }. Only the values present are written; the others are left for the operator.')
param tencentSecrets tencentSecretsByAlias

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access by Azure role assignment only (rbac.bicep): the app's identity reads, the operator writes.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // ARM accepts true or nothing here, never false.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// One secret per value actually passed at deploy time. Absent values are not created (and not overwritten).
resource secretKeys 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for account in tencentAccounts: if (!empty(tencentSecrets[?account.alias].?secretKey ?? '')) {
    parent: vault
    name: secretKeySecretName(account.alias)
    properties: {
      value: tencentSecrets[?account.alias].?secretKey ?? ''
      contentType: 'Tencent Cloud SecretKey of account ${account.alias}'
    }
  }
]

resource approverKeys 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for account in tencentAccounts: if (!empty(tencentSecrets[?account.alias].?approverKey ?? '')) {
    parent: vault
    name: approverKeySecretName(account.alias)
    properties: {
      value: tencentSecrets[?account.alias].?approverKey ?? ''
      contentType: 'Approver key of account ${account.alias} (Authorization: Bearer for accept/reject)'
    }
  }
]

output name string = vault.name
output vaultUri string = vault.properties.vaultUri
