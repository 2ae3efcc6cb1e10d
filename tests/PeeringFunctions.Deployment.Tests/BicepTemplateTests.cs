using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PeeringFunctions.Deployment.Tests.Support;

namespace PeeringFunctions.Deployment.Tests;

/// <summary>
/// The templates a platform team deploys with azd: every Bicep file compiles and lints with the Bicep CLI from NuGet
/// with zero diagnostics of any level, and the compiled ARM keeps the security invariants and outputs it promises.
/// </summary>
public sealed partial class BicepTemplateTests
{
    private static readonly string[] BicepFiles = Directory
        .EnumerateFiles(RepoPaths.Infra, "*.bicep", SearchOption.AllDirectories)
        .Where(f => !IsBuildOutput(f))
        .Select(f => Path.GetRelativePath(RepoPaths.Infra, f))
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void The_bicep_cli_is_the_one_from_the_nuget_package()
    {
        Assert.Contains("azure.bicep.commandline.linux-x64", RepoPaths.BicepPath, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"^Bicep CLI version \d+\.\d+\.\d+", BicepCli.Version());
    }

    [Fact]
    public void Every_bicep_file_builds_with_zero_diagnostics()
    {
        Assert.Contains(Path.Combine("app", "function-app.bicep"), BicepFiles);
        Assert.True(BicepFiles.Length >= 8, $"Expected main.bicep and its modules, found: {string.Join(", ", BicepFiles)}");

        var build = BicepCli.Infra.Result;

        // Any line is a diagnostic (error, warning or info; compiler or linter): none is allowed.
        Assert.True(build.Diagnostics.Count == 0, "bicep build reported:\n" + build.Output);
        Assert.Equal(0, build.ExitCode);
        foreach (var file in BicepFiles)
        {
            Assert.NotNull(BicepCli.Infra.Template(file)["$schema"]);
        }
    }

    [Fact]
    public void Every_bicep_file_lints_with_zero_findings()
    {
        var lint = BicepCli.LintInfra(RepoPaths.Infra);

        Assert.True(lint.Diagnostics.Count == 0, "bicep lint reported:\n" + lint.Output);
        Assert.Equal(0, lint.ExitCode);
    }

    [Fact]
    public void The_check_fails_on_a_compiler_warning_and_on_a_linter_finding()
    {
        // Guards the two tests above against passing vacuously: a copy of infra/ with one typo (a compiler warning,
        // exit code still 0) and one unused parameter (a linter finding) must produce both diagnostics.
        var copy = Directory.CreateTempSubdirectory("bicep-probe-").FullName;
        CopyInfra(RepoPaths.Infra, copy);
        File.WriteAllText(Path.Combine(copy, "app", "probe.bicep"), """
            param unusedProbe string
            resource probe 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
              name: 'stprobe'
            }
            output endpoint string = probe.properties.primaryEndpoints.blobx
            """);

        var compiled = BicepCli.CompileInfra(copy);
        var build = compiled.Result;
        var lint = BicepCli.LintInfra(copy);
        Directory.Delete(copy, recursive: true);
        Directory.Delete(compiled.OutputFolder, recursive: true);

        Assert.Contains(build.Diagnostics, d => d.Contains("Warning BCP083", StringComparison.Ordinal));
        Assert.Contains(build.Diagnostics, d => d.Contains("no-unused-params", StringComparison.Ordinal));
        Assert.Contains(lint.Diagnostics, d => d.Contains("no-unused-params", StringComparison.Ordinal));
    }

    [Fact]
    public void Main_template_is_subscription_scoped_and_outputs_what_azd_and_the_portal_need()
    {
        var main = BicepCli.Infra.Template("main.bicep");
        Assert.Contains("subscriptionDeploymentTemplate", (string)main["$schema"]!, StringComparison.Ordinal);

        var outputs = main["outputs"]!.AsObject();
        string[] expected =
        [
            "API_BASE_URL", "SERVICE_API_URI", "SERVICE_API_NAME", "AZURE_FUNCTION_APP_NAME", "AZURE_KEY_VAULT_NAME",
            "AZURE_KEY_VAULT_ENDPOINT", "AZURE_RESOURCE_GROUP", "AZURE_LOCATION", "AZURE_TENANT_ID", "TASKHUB_NAME",
        ];
        foreach (var name in expected)
        {
            Assert.True(outputs.ContainsKey(name), $"main.bicep has no output {name}");
            Assert.Equal("string", (string)outputs[name]!["type"]!);
        }

        // The portal's base URL is the app's https host plus the Functions route prefix.
        Assert.Equal("[format('https://{0}/api', reference('api').outputs.defaultHostName.value)]", (string)outputs["API_BASE_URL"]!["value"]!);
        Assert.Equal(
            (string)outputs["SERVICE_API_NAME"]!["value"]!,
            (string)outputs["AZURE_FUNCTION_APP_NAME"]!["value"]!);

        // No output carries a secret.
        foreach (var (name, output) in outputs)
        {
            Assert.DoesNotContain("secure", (string)output!["type"]!, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("(?i)secret|password|connectionstring|key$", name);
        }

        Assert.Single(ArmTemplate.Created(main, "Microsoft.Resources/resourceGroups"));
    }

    [Fact]
    public void Storage_allows_no_shared_key_and_the_host_uses_the_identity()
    {
        var main = BicepCli.Infra.Template("main.bicep");

        var storage = Assert.Single(ArmTemplate.Created(main, "Microsoft.Storage/storageAccounts"));
        var properties = storage.Body["properties"]!;
        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.True((bool)properties["defaultToOAuthAuthentication"]!);
        Assert.Equal("TLS1_2", (string)properties["minimumTlsVersion"]!);

        // The Azure Storage task hub needs blobs, queues and tables: three data roles, and the host is told all three URIs.
        var settings = AppSettingsSource();
        foreach (var name in new[]
                 {
                     "AzureWebJobsStorage__credential: 'managedidentity'", "AzureWebJobsStorage__clientId:",
                     "AzureWebJobsStorage__blobServiceUri:", "AzureWebJobsStorage__queueServiceUri:", "AzureWebJobsStorage__tableServiceUri:",
                 })
        {
            Assert.Contains(name, settings, StringComparison.Ordinal);
        }

        var rbac = File.ReadAllText(Path.Combine(RepoPaths.Infra, "app", "rbac.bicep"));
        foreach (var role in new[]
                 {
                     "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
                     "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
                     "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
                     "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
                     "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
                 })
        {
            Assert.Contains(role, rbac, StringComparison.Ordinal);
        }

        // Flex Consumption fetches the package with the identity too.
        var site = Assert.Single(ArmTemplate.Created(main, "Microsoft.Web/sites"));
        var deployment = site.Body["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;
        Assert.Equal("UserAssignedIdentity", (string)deployment["authentication"]!["type"]!);
    }

    [Fact]
    public void Application_insights_and_log_analytics_accept_entra_id_only()
    {
        var main = BicepCli.Infra.Template("main.bicep");

        var insights = Assert.Single(ArmTemplate.Created(main, "Microsoft.Insights/components"));
        Assert.True((bool)insights.Body["properties"]!["DisableLocalAuth"]!);
        var workspace = Assert.Single(ArmTemplate.Created(main, "Microsoft.OperationalInsights/workspaces"));
        Assert.True((bool)workspace.Body["properties"]!["features"]!["disableLocalAuth"]!);

        Assert.Contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'", AppSettingsSource(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_function_app_is_flex_consumption_dotnet_isolated_10_with_the_user_assigned_identity()
    {
        var main = BicepCli.Infra.Template("main.bicep");

        var plan = Assert.Single(ArmTemplate.Created(main, "Microsoft.Web/serverfarms"));
        Assert.Equal("FC1", (string)plan.Body["sku"]!["name"]!);
        Assert.Equal("FlexConsumption", (string)plan.Body["sku"]!["tier"]!);

        var site = Assert.Single(ArmTemplate.Created(main, "Microsoft.Web/sites"));
        Assert.Equal("functionapp,linux", (string)site.Body["kind"]!);
        Assert.Equal("UserAssigned", (string)site.Body["identity"]!["type"]!);
        var properties = site.Body["properties"]!;
        Assert.True((bool)properties["httpsOnly"]!);
        // Key Vault references resolve with the user-assigned identity.
        Assert.Equal("[parameters('identityId')]", (string)properties["keyVaultReferenceIdentity"]!);
        var runtime = properties["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string)runtime["name"]!);
        Assert.Equal("10.0", (string)runtime["version"]!);

        // azd deploy finds the app by this tag; azure.yaml names the same service.
        Assert.Contains("'azd-service-name': serviceName", File.ReadAllText(Path.Combine(RepoPaths.Infra, "app", "function-app.bicep")), StringComparison.Ordinal);
        var azureYaml = File.ReadAllText(RepoPaths.InRepository("azure.yaml"));
        Assert.Matches(@"(?m)^  api:\s*$", azureYaml);
        Assert.Matches(@"(?m)^    project: \./src/PeeringFunctions\s*$", azureYaml);
        Assert.Matches(@"(?m)^    host: function\s*$", azureYaml);
        Assert.Matches(@"(?m)^    language: dotnet\s*$", azureYaml);
    }

    [Fact]
    public void Key_vault_uses_rbac_and_tencent_secrets_are_key_vault_references()
    {
        var main = BicepCli.Infra.Template("main.bicep");

        var vault = Assert.Single(ArmTemplate.Created(main, "Microsoft.KeyVault/vaults"));
        Assert.True((bool)vault.Body["properties"]!["enableRbacAuthorization"]!);

        var settings = AppSettingsSource();
        Assert.Contains("'@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${secretName}/)'", settings, StringComparison.Ordinal);
        Assert.Contains("'Tencent__Accounts__${account.alias}__SecretKey': keyVaultReference(", settings, StringComparison.Ordinal);
        Assert.Contains("'Tencent__Accounts__${account.alias}__ApproverKey': keyVaultReference(", settings, StringComparison.Ordinal);

        // Secret values only ever come from the secure parameter.
        var tencentSecrets = main["parameters"]!["tencentSecrets"]!;
        var definition = main["definitions"]![((string)tencentSecrets["$ref"]!).Split('/').Last()]!;
        Assert.Equal("secureObject", (string)definition["type"]!);
    }

    [Fact]
    public void No_file_of_the_deployment_holds_a_secret_literal_or_turns_shared_keys_on()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Infra, "*", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .Append(RepoPaths.InRepository("azure.yaml"))
            .ToList();

        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var match = SecretLiteral().Match(text);
            Assert.False(match.Success, $"{Path.GetRelativePath(RepoPaths.RepositoryRoot, file)} contains '{match.Value}'.");
            Assert.DoesNotMatch(@"(?i)allowSharedKeyAccess\W+true", text);
            Assert.DoesNotMatch(@"(?i)disableLocalAuth\W+false", text);
        }
    }

    [Fact]
    public void The_parameters_file_only_maps_azd_environment_variables_and_agrees_with_the_template_defaults()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = BicepCli.Infra.Template("main.bicep")["parameters"]!.AsObject();

        foreach (var (name, entry) in parameters)
        {
            Assert.True(declared.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not declare.");
            var value = (string?)entry!["value"];
            var mapping = AzdVariable().Match(value ?? "");
            Assert.True(mapping.Success, $"'{name}' must be an azd mapping like ${{VAR}} or ${{VAR=default}}, not '{value}'.");

            // A default in the mapping (for azd versions that pass unset variables as "") must equal the template's.
            if (mapping.Groups["default"].Success && declared[name]!["defaultValue"] is { } templateDefault)
            {
                Assert.Equal(templateDefault.ToString().ToLowerInvariant(), mapping.Groups["default"].Value.ToLowerInvariant());
            }
        }

        Assert.Equal("${AZURE_ENV_NAME}", (string?)parameters["environmentName"]!["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)parameters["location"]!["value"]);
        Assert.Equal("${TENCENT_ACCOUNTS}", (string?)parameters["tencentAccounts"]!["value"]);
    }

    [Fact]
    public void The_app_settings_are_the_documented_ones_and_none_that_flex_consumption_rejects()
    {
        var settings = AppSettingsSource();
        var docs = File.ReadAllText(RepoPaths.InRepository("docs", "configuration.md"));
        string[] expected =
        [
            "TASKHUB_NAME", "AcceptancePollSchedule", "DriftCheckSchedule", "PurgeSchedule", "StuckCheckSchedule", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
            "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Portal__BaseUrl",
            "Tencent__Endpoint", "Tencent__Language", "Registry__Store", "Registry__TableName", "Registry__TableServiceUri",
        ];
        foreach (var name in expected)
        {
            Assert.Contains(name, settings, StringComparison.Ordinal);
            Assert.Contains($"`{name}`", docs, StringComparison.Ordinal);
        }

        foreach (var suffix in new[] { "Uin", "SecretId", "SecretKey", "ApproverKey" })
        {
            Assert.Contains($"__{suffix}'", settings, StringComparison.Ordinal);
            Assert.Contains($"`Tencent__Accounts__{{alias}}__{suffix}`", docs, StringComparison.Ordinal);
        }

        // Flex Consumption sets the runtime through functionAppConfig and refuses these; a plain AzureWebJobsStorage
        // connection string would carry an account key.
        foreach (var forbidden in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "AzureWebJobsStorage:" })
        {
            Assert.DoesNotContain(forbidden, settings, StringComparison.Ordinal);
        }
    }

    private static string AppSettingsSource() => File.ReadAllText(Path.Combine(RepoPaths.Infra, "app", "function-app.bicep"));

    private static bool IsBuildOutput(string path)
    {
        var relative = Path.GetRelativePath(RepoPaths.Infra, path).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    private static void CopyInfra(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    // Key material and credential-bearing connection strings that must never be in a template or parameters file.
    [GeneratedRegex(@"(?i)AccountKey=|SharedAccessSignature=|[?&]sig=|DefaultEndpointsProtocol=|InstrumentationKey=|listKeys\(|listConnectionStrings\(|-----BEGIN|AKID[A-Za-z0-9]{8,}|""(secretKey|approverKey|password)""\s*:\s*""(?!\.\.\.""|<)[^""$]")]
    private static partial Regex SecretLiteral();

    [GeneratedRegex(@"^\$\{(?<name>[A-Z][A-Z0-9_]*)(=(?<default>[^}]*))?\}$")]
    private static partial Regex AzdVariable();
}
