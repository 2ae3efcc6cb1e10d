// The operations dashboard: an Azure Workbook over the Application Insights component, showing the app's metrics
// (customMetrics) and its stuck-instance log events. The workbook's content is infra/app/workbooks/peering-operations.json.

import { resourceTags } from 'types.bicep'

@description('Application Insights component name: the workbook queries its telemetry.')
param applicationInsightsName string

@description('Azure region.')
param location string

@description('Tags for the resources (azd-env-name).')
param tags resourceTags

@description('Title of the workbook in the portal.')
param displayName string = 'Peering operations'

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  // A workbook's name must be a GUID: a stable one per component, so a redeploy updates it in place.
  name: guid(applicationInsights.id, 'peering-operations-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: applicationInsights.id
    serializedData: loadTextContent('workbooks/peering-operations.json')
  }
}

output workbookId string = workbook.id
