// Log Analytics + workspace-based Application Insights. Local (instrumentation-key) authentication is disabled:
// only Entra ID-authenticated telemetry is accepted, so the connection string in app settings is an address, not a
// credential. The app's identity gets Monitoring Metrics Publisher in rbac.bicep.

import { resourceTags } from 'types.bicep'

@description('Log Analytics workspace name.')
param logAnalyticsName string

@description('Application Insights component name.')
param applicationInsightsName string

@description('Azure region.')
param location string

@description('Tags for the resources (azd-env-name).')
param tags resourceTags

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      // Queries need Entra ID access to the workspace; no shared-key reads.
      disableLocalAuth: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // Ingestion requires Entra ID (APPLICATIONINSIGHTS_AUTHENTICATION_STRING in the app's settings).
    DisableLocalAuth: true
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

output applicationInsightsName string = applicationInsights.name
output logAnalyticsName string = logAnalytics.name
