// Storage for the Functions host (AzureWebJobsStorage), the Durable task hub (Azure Storage backend: queues, tables,
// blobs), the peering registry's table and the Flex Consumption deployment package. Shared keys are off: everything authenticates with Entra ID,
// so there is no connection string or account key anywhere to leak or rotate.

import { resourceTags } from 'types.bicep'

@description('Storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resource (azd-env-name).')
param tags resourceTags

@description('Blob container that holds the app package Flex Consumption runs from.')
param deploymentContainerName string

@description('Table of the peering registry (one record per managed peering, outside Durable history).')
param registryTableName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    // Identity only: no account keys, no SAS signed with them.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    accessTier: 'Hot'
    dnsEndpointType: 'Standard'
    // No VNet in this template: reachable over the public endpoint, but only with an Entra ID token and a data role.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }

  // Declared here so it exists before the first start (the app would also create it on first use).
  resource tableService 'tableServices' = {
    name: 'default'

    resource registryTable 'tables' = {
      name: registryTableName
    }

    // The audit trail beside it (Registry__AuditTableName's default: the registry's table name + "audit").
    resource auditTable 'tables' = {
      name: '${registryTableName}audit'
    }
  }
}

output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
output deploymentContainerUrl string = '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
