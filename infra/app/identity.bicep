// The app's single identity. User-assigned rather than system-assigned so that its role assignments (storage,
// Application Insights, Key Vault) exist before the Function App starts, and survive re-creating the app.

import { resourceTags } from 'types.bicep'

@description('Name of the user-assigned managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource (azd-env-name).')
param tags resourceTags

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
