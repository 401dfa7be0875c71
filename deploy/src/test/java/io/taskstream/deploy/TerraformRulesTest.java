package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/terraform cannot be planned here (no terraform binary, no provider download): every file is parsed by
 * HashiCorp's HCL parser instead and its structure held to the rules of {@link TerraformRules}. Each rule also
 * runs on a small module that breaks it (the fixtures below), so a rule that can no longer fail is noticed.
 */
class TerraformRulesTest {

    /** Modules that each break rules on purpose: name → file → HCL. Parsed with the real ones, in one run. */
    private static final Map<String, Map<String, String>> FIXTURES = Map.ofEntries(
            Map.entry("unparsable", Map.of("main.tf", "resource \"x\" \"y\" {\n  a = \n")),
            Map.entry("unpinned-versions", Map.of("versions.tf", """
                    terraform {
                      required_version = ">= 1.11.1"
                      required_providers {
                        aws = { source = "hashicorp/aws", version = ">= 6.0" }
                        random = { source = "hashicorp/random", version = "~> 3.7" }
                      }
                      backend "s3" {}
                    }
                    """)),
            Map.entry("unpinned-modules", Map.of("main.tf", """
                    module "vpc" {
                      source  = "terraform-aws-modules/vpc/aws"
                      version = "~> 6.0"
                    }
                    module "eks" {
                      source = "terraform-aws-modules/eks/aws"
                    }
                    module "local" {
                      source = "./modules/x"
                    }
                    resource "helm_release" "eso" {
                      chart   = "external-secrets"
                      version = ">= 1.0"
                    }
                    """)),
            Map.entry("untyped-variables", Map.of("variables.tf", """
                    variable "region" {
                      description = "AWS region."
                    }
                    variable "size" {
                      type        = number
                      description = "  "
                    }
                    """)),
            Map.entry("secret-variables", Map.of("variables.tf", """
                    variable "db_password" {
                      type        = string
                      description = "Password."
                      default     = ""
                    }
                    variable "api_token" {
                      type        = string
                      description = "Token."
                      sensitive   = true
                    }
                    variable "database_secret_arn" {
                      type        = string
                      description = "Where the secret is (not a secret)."
                    }
                    """)),
            Map.entry("secret-outputs", Map.of("outputs.tf", """
                    output "database_password" {
                      value = random_password.db.result
                    }
                    output "registry_token" {
                      value     = x.token
                      sensitive = true
                    }
                    output "database_secret_arn" {
                      value = x.arn
                    }
                    """)),
            Map.entry("literal-secrets", Map.of(
                    "main.tf", """
                    resource "aws_db_instance" "db" {
                      password = "hunter2hunter2"
                    }
                    locals {
                      url = "postgresql://app:s3cret@db.example.com/app"
                      template = { password = "{{ .password }}" }
                    }
                    """,
                    "environments/staging.tfvars", "api_key = \"0123456789abcdef\"\n",
                    "environments/staging.s3.tfbackend", "access_key = \"AKIAABCDEFGHIJKLMNOP\"\n")),
            Map.entry("backend-file-missing", Map.of(
                    "versions.tf", "terraform {\n  backend \"s3\" {}\n}\n",
                    "environments/production.tfvars", "environment = \"production\"\n")),
            Map.entry("local-state", Map.of("versions.tf", "terraform {\n  required_version = \"~> 1.11\"\n}\n")),
            Map.entry("environment-typo", Map.of(
                    "variables.tf", """
                    variable "region" {
                      type        = string
                      description = "Region."
                    }
                    """,
                    "environments/staging.tfvars", "regoin = \"eu-west-1\"\n",
                    "environments/production.tfvars", "region = \"eu-west-1\"\n")),
            Map.entry("weak-database", Map.of(
                    "variables.tf", """
                    variable "retention" {
                      type        = number
                      description = "Days."
                    }
                    """,
                    "database.tf", """
                    module "db" {
                      source                       = "terraform-aws-modules/rds/aws"
                      version                      = "7.2.0"
                      storage_encrypted            = false
                      deletion_protection          = true
                      multi_az                     = true
                      performance_insights_enabled = true
                      backup_retention_period      = var.retention
                      parameters = [
                        { name = "rds.force_ssl", value = "0" },
                      ]
                    }
                    """,
                    "environments/staging.tfvars", "retention = 7\n",
                    "environments/production.tfvars", "retention = 3\n")),
            Map.entry("waf-on-the-wrong-path", Map.of("edge.tf", """
                    resource "aws_wafv2_web_acl" "edge" {
                      rule {
                        name = "rate"
                        action {
                          block {}
                        }
                        statement {
                          rate_based_statement {
                            limit = 100
                            scope_down_statement {
                              byte_match_statement {
                                search_string         = "/api/tasks"
                                positional_constraint = "STARTS_WITH"
                                field_to_match {
                                  uri_path {}
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                    """)),
            Map.entry("unknown-chart-keys", Map.of("helm-values.tf", """
                    locals {
                      helm_values = {
                        database = { existingSecret = "db", host = module.db.address }
                        ingress  = { annotations = { "alb.ingress.kubernetes.io/scheme" = "internet-facing" } }
                        kafka    = { strimzi = { enabled = true, replicas = 3 } }
                      }
                    }
                    """)));

    @TempDir
    static Path fixturesDir;

    private static List<TerraformModule> roots;
    private static Map<String, TerraformModule> fixtures;
    private static JsonNode chartSchema;

    @BeforeAll
    static void parse() throws Exception {
        List<Path> dirs = new ArrayList<>(TerraformModule.rootDirs());
        for (Map.Entry<String, Map<String, String>> fixture : FIXTURES.entrySet()) {
            dirs.add(TerraformModule.write(fixturesDir.resolve(fixture.getKey()), fixture.getValue()));
        }
        List<TerraformModule> parsed = TerraformModule.parse(dirs);
        roots = parsed.subList(0, TerraformModule.ROOTS.size());
        fixtures = new HashMap<>();
        parsed.subList(roots.size(), parsed.size()).forEach(m -> fixtures.put(m.name(), m));
        chartSchema = Chart.YAML.readTree(Chart.DIR.resolve("values.schema.json").toFile());
    }

    @Test
    void everyTerraformFileParses() {
        assertThat(roots).extracting(TerraformModule::name).containsExactly("aws", "digitalocean");
        for (TerraformModule module : roots) {
            assertThat(module.parseErrors()).as(module.name()).isEmpty();
            assertThat(module.files()).as(module.name()).containsKeys("versions.tf", "variables.tf", "outputs.tf");
            assertThat(module.tfvars()).as(module.name())
                    .containsOnlyKeys("environments/staging.tfvars", "environments/production.tfvars");
        }
    }

    @Test
    void aBrokenFileIsReportedWithItsPosition() {
        assertThat(fixture("unparsable").parseErrors()).singleElement().asString()
                .startsWith("main.tf: ").contains("/unparsable/main.tf:2,");
    }

    @Test
    void terraformAndEveryProviderArePinnedWithAnUpperBound() {
        assertKeptByEveryRoot(TerraformRules::requiredVersionAndProvidersPinned);

        assertThat(TerraformRules.requiredVersionAndProvidersPinned(fixture("unpinned-versions"))).containsExactly(
                "terraform.required_version \">= 1.11.1\" has no upper bound",
                "provider aws version \">= 6.0\" is not pinned");
    }

    @Test
    void everyRegistryModuleAndChartIsAtAnExactVersion() {
        assertKeptByEveryRoot(TerraformRules::modulesAndChartsPinned);
        assertThat(roots.getFirst().blocks("module")).hasSizeGreaterThanOrEqualTo(8);

        assertThat(TerraformRules.modulesAndChartsPinned(fixture("unpinned-modules"))).hasSize(3)
                .anyMatch(p -> p.startsWith("module vpc")).anyMatch(p -> p.startsWith("module eks"))
                .anyMatch(p -> p.startsWith("helm_release eso"));
    }

    @Test
    void everyVariableHasATypeAndADescription() {
        assertKeptByEveryRoot(TerraformRules::variablesTypedAndDescribed);

        assertThat(TerraformRules.variablesTypedAndDescribed(fixture("untyped-variables")))
                .containsExactly("variable region has no type", "variable size has no description");
    }

    @Test
    void aSecretVariableIsSensitiveAndHasNoDefault() {
        assertKeptByEveryRoot(TerraformRules::secretVariablesSensitiveWithoutDefault);

        assertThat(TerraformRules.secretVariablesSensitiveWithoutDefault(fixture("secret-variables")))
                .containsExactly("variable db_password has a default", "variable db_password is not sensitive");
    }

    @Test
    void aSecretOutputIsSensitive() {
        assertKeptByEveryRoot(TerraformRules::secretOutputsSensitive);
        assertThat(roots.get(1).blocks("output").get("database_uri").path("sensitive").asBoolean()).isTrue();

        assertThat(TerraformRules.secretOutputsSensitive(fixture("secret-outputs")))
                .containsExactly("output database_password is not sensitive");
    }

    @Test
    void noFileHoldsALiteralSecret() {
        assertKeptByEveryRoot(TerraformRules::noLiteralSecrets);

        assertThat(TerraformRules.noLiteralSecrets(fixture("literal-secrets")))
                .noneMatch(p -> p.contains("{{ .password }}"))
                .anyMatch(p -> p.startsWith("main.tf: literal credential in `password = \"hunter2"))
                .anyMatch(p -> p.startsWith("main.tf: something shaped like a credential (postgres"))
                .anyMatch(p -> p.startsWith("environments/staging.tfvars: literal credential"))
                .anyMatch(p -> p.startsWith("environments/staging.s3.tfbackend: something shaped like a credential (AKIA"));
    }

    @Test
    void stateIsRemoteWithABackendFilePerEnvironmentAndTheReadmeSaysHowToInit() throws Exception {
        assertKeptByEveryRoot(TerraformRules::remoteStateBackendDeclared);
        String readme = Files.readString(TerraformModule.TERRAFORM_DIR.resolve("README.md"));
        for (String root : TerraformModule.ROOTS) {
            assertThat(readme).contains("cd deploy/terraform/" + root)
                    .contains("terraform init -backend-config=environments/");
        }

        assertThat(TerraformRules.remoteStateBackendDeclared(fixture("backend-file-missing"))).containsExactly(
                "environments/production.tfvars has no environments/production.s3.tfbackend"
                        + " (partial backend configuration)");
        assertThat(TerraformRules.remoteStateBackendDeclared(fixture("local-state")))
                .containsExactly("no remote backend block");
    }

    @Test
    void stagingAndProductionSetEveryVariableWithoutADefaultAndNothingElse() {
        assertKeptByEveryRoot(TerraformRules::environmentsSetEveryRequiredVariable);

        assertThat(TerraformRules.environmentsSetEveryRequiredVariable(fixture("environment-typo"))).containsExactly(
                "environments/staging.tfvars sets undeclared variable regoin",
                "environments/staging.tfvars does not set region");
    }

    @Test
    void theDatabaseIsEncryptedProtectedBackedUpForAWeekAndRefusesPlainConnections() {
        assertThat(TerraformRules.rdsHardened(roots.getFirst())).isEmpty();

        assertThat(TerraformRules.rdsHardened(fixture("weak-database"))).containsExactly(
                "module db: storage_encrypted is not true",
                "module db: multi_az is not a variable",
                "module db: backup_retention_period is not >= 7 days in every environment: [3, 7]",
                "module db: no parameter rds.force_ssl = 1");
    }

    @Test
    void theWebAclUsesManagedRulesAndRateLimitsTheAuthRoutes() {
        assertThat(TerraformRules.wafGuardsAuthRoutes(roots.getFirst())).isEmpty();

        assertThat(TerraformRules.wafGuardsAuthRoutes(fixture("waf-on-the-wrong-path"))).containsExactly(
                "web ACL edge uses no AWS managed rule group",
                "web ACL edge has no blocking rate-based rule scoped to the /api/auth path");
    }

    @Test
    void everyChartValueTheInfrastructureWritesIsAKeyOfTheChart() {
        for (TerraformModule module : roots) {
            assertThat(TerraformRules.helmValuesKeysInChartSchema(module, chartSchema)).as(module.name()).isEmpty();
            String secret = module.local("helm_values").path("database").path("existingSecret").asText();
            assertThat(secret).as(module.name()).isEqualTo("${local.database_secret}");
            assertThat(module.local("database_secret").asText()).as(module.name()).isEqualTo("taskstream-database");
        }

        assertThat(TerraformRules.helmValuesKeysInChartSchema(fixture("unknown-chart-keys"), chartSchema))
                .containsExactly("database.host is not a key of the chart's values.schema.json",
                        "kafka.strimzi.replicas is not a key of the chart's values.schema.json");
    }

    private static void assertKeptByEveryRoot(Function<TerraformModule, List<String>> rule) {
        for (TerraformModule module : roots) {
            assertThat(rule.apply(module)).as(module.name()).isEmpty();
        }
    }

    private static TerraformModule fixture(String name) {
        return fixtures.get(name);
    }
}
