// Shared types and naming rules, imported by main.bicep and the modules (compile-time import: no registry, no network).

@export()
@description('Resource tags (azd-env-name, azd-service-name).')
type resourceTags = {
  *: string
}

@export()
@description('App setting names to strings: plain values, or Key Vault secret names.')
type settingMap = {
  *: string
}

@export()
@description('A Tencent Cloud account the app manages. Identifiers only: its SecretKey and ApproverKey live in Key Vault.')
type tencentAccount = {
  @description('Alias used in requests and app settings (Tencent__Accounts__{alias}__*). Letters and digits only: it is part of app setting and Key Vault secret names.')
  @minLength(1)
  @maxLength(32)
  alias: string

  @description('The account\'s root UIN, e.g. 100000000001.')
  @minLength(5)
  @maxLength(20)
  uin: string

  @description('SecretId of the API key the app signs with (AKID...). Not secret on its own; its SecretKey is.')
  @minLength(1)
  secretId: string

  @description('True once the secret tencent-{alias}-approver-key exists in Key Vault: only then is Tencent__Accounts__{alias}__ApproverKey wired, so this account\'s approvers can accept/reject over HTTP. Default false (set automatically when tencentSecrets carries an approverKey for the alias).')
  approverKeyInKeyVault: bool?
}

@export()
@description('Secret values of one account, passed at deploy time instead of being put into Key Vault by an operator.')
type tencentSecretValues = {
  @description('The account\'s SecretKey.')
  secretKey: string?

  @description('The bearer key the account\'s approvers present to POST /api/peerings/{id}/accept|reject.')
  approverKey: string?
}

@export()
@secure()
@description('Deploy-time secret values by account alias (a secure object: never logged nor kept in deployment history).')
type tencentSecretsByAlias = {
  *: tencentSecretValues
}

@export()
@description('Key Vault secret that holds the SecretKey of the account with this alias.')
func secretKeySecretName(alias string) string => 'tencent-${toLower(alias)}-secret-key'

@export()
@description('Key Vault secret that holds the ApproverKey of the account with this alias.')
func approverKeySecretName(alias string) string => 'tencent-${toLower(alias)}-approver-key'
