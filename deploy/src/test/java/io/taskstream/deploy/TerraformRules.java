package io.taskstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every Terraform module of deploy/terraform keeps. Each returns what breaks it ("file-or-block: why"),
 * empty when the module keeps it.
 */
final class TerraformRules {

    /** A name that holds a secret value: password, token, api key, private key, a `secret`… */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i)(password|passwd|secret|token|api_?key|access_?key|private_?key|credential)");
    /** …unless it names where a secret is rather than the secret: an ARN, an id, a name, a file. */
    private static final Pattern SECRET_REFERENCE_NAME = Pattern.compile("(?i).*(_arn|_id|_name|_file|_path)$");

    /** `credential_key = "literal"` in HCL, e.g. password = "hunter2" or "api_key" = "abc…". */
    private static final Pattern LITERAL_CREDENTIAL = Pattern.compile(
            "(?im)^\\s*\"?[\\w.-]*(password|passwd|token|api[_-]?key|access[_-]?key|secret[_-]?key|private[_-]?key"
                    + "|client[_-]?secret|jwt[_-]?secret)[\\w.-]*\"?\\s*=\\s*\"([^\"$%]+)\"");
    /** Credentials recognisable by their form wherever they are. */
    private static final Pattern CREDENTIAL_FORMAT = Pattern.compile(
            "(AKIA[0-9A-Z]{16}|dop_v1_[0-9a-f]{64}|-----BEGIN [A-Z ]*PRIVATE KEY-----|postgres(ql)?://[^:/\\s\"]+:[^@$\\s\"]+@)");

    /** Exact (1.2.3) or bounded above: ~> x.y, or a range with `<`. */
    private static final Pattern BOUNDED_CONSTRAINT = Pattern.compile("^(=?\\s*\\d+\\.\\d+\\.\\d+|~>\\s*\\d+\\.\\d+(\\.\\d+)?|.*<.*)$");
    private static final Pattern EXACT_VERSION = Pattern.compile("^\\d+\\.\\d+\\.\\d+$");
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("^\\$\\{var\\.(\\w+)}$");

    private TerraformRules() {
    }

    static List<String> requiredVersionAndProvidersPinned(TerraformModule module) {
        List<String> broken = new ArrayList<>();
        List<JsonNode> blocks = module.terraformBlocks();
        String required = blocks.stream().map(b -> b.path("required_version").asText("")).filter(v -> !v.isEmpty())
                .findFirst().orElse("");
        if (!BOUNDED_CONSTRAINT.matcher(required).matches()) {
            broken.add("terraform.required_version \"" + required + "\" has no upper bound");
        }
        int providers = 0;
        for (JsonNode block : blocks) {
            for (JsonNode list : block.path("required_providers")) {
                for (Map.Entry<String, JsonNode> provider : list.properties()) {
                    providers++;
                    String version = provider.getValue().path("version").asText("");
                    if (!BOUNDED_CONSTRAINT.matcher(version).matches()) {
                        broken.add("provider " + provider.getKey() + " version \"" + version + "\" is not pinned");
                    }
                    if (provider.getValue().path("source").asText("").isEmpty()) {
                        broken.add("provider " + provider.getKey() + " has no source");
                    }
                }
            }
        }
        if (providers == 0) {
            broken.add("no required_providers");
        }
        return broken;
    }

    /** Registry modules and Helm charts at one exact version (a new one arrives by a reviewed change). */
    static List<String> modulesAndChartsPinned(TerraformModule module) {
        List<String> broken = new ArrayList<>();
        module.blocks("module").forEach((name, body) -> {
            String source = body.path("source").asText("");
            boolean local = source.startsWith("./") || source.startsWith("../");
            boolean registry = !local && !source.contains("::") && !source.contains("//github.com")
                    && source.split("/").length == 3;
            if (registry && !EXACT_VERSION.matcher(body.path("version").asText("")).matches()) {
                broken.add("module " + name + " (" + source + ") version \"" + body.path("version").asText("")
                        + "\" is not an exact version");
            } else if (!local && !registry && !source.contains("?ref=")) {
                broken.add("module " + name + " source " + source + " names no ref");
            }
        });
        module.resources("helm_release").forEach((name, body) -> {
            if (!EXACT_VERSION.matcher(body.path("version").asText("")).matches()) {
                broken.add("helm_release " + name + " chart version \"" + body.path("version").asText("") + "\" is not exact");
            }
        });
        return broken;
    }

    static List<String> variablesTypedAndDescribed(TerraformModule module) {
        List<String> broken = new ArrayList<>();
        module.blocks("variable").forEach((name, body) -> {
            if (body.path("type").asText("").isEmpty()) {
                broken.add("variable " + name + " has no type");
            }
            if (body.path("description").asText("").isBlank()) {
                broken.add("variable " + name + " has no description");
            }
        });
        return broken;
    }

    static List<String> secretVariablesSensitiveWithoutDefault(TerraformModule module) {
        List<String> broken = new ArrayList<>();
        module.blocks("variable").forEach((name, body) -> {
            if (isSecretName(name)) {
                if (body.has("default")) {
                    broken.add("variable " + name + " has a default");
                }
                if (!body.path("sensitive").asBoolean(false)) {
                    broken.add("variable " + name + " is not sensitive");
                }
            }
        });
        return broken;
    }

    static List<String> secretOutputsSensitive(TerraformModule module) {
        List<String> broken = new ArrayList<>();
        module.blocks("output").forEach((name, body) -> {
            if (isSecretName(name) && !body.path("sensitive").asBoolean(false)) {
                broken.add("output " + name + " is not sensitive");
            }
        });
        return broken;
    }

    static List<String> noLiteralSecrets(TerraformModule module) {
        List<String> broken = new ArrayList<>();
        module.text().forEach((file, text) -> {
            Matcher literal = LITERAL_CREDENTIAL.matcher(text);
            while (literal.find()) {
                if (literal.group(2).startsWith("{{")) {
                    continue; // a template reference filled in later, e.g. External Secrets' {{ .password }}
                }
                broken.add(file + ": literal credential in `" + literal.group().trim() + "`");
            }
            Matcher format = CREDENTIAL_FORMAT.matcher(text);
            while (format.find()) {
                broken.add(file + ": something shaped like a credential (" + format.group(1).substring(0, 8) + "…)");
            }
        });
        return broken;
    }

    static List<String> remoteStateBackendDeclared(TerraformModule module) {
        List<String> broken = new ArrayList<>();
        Optional<String> type = module.terraformBlocks().stream()
                .flatMap(b -> b.path("backend").properties().stream().map(Map.Entry::getKey)).findFirst();
        if (type.isEmpty() || type.get().equals("local")) {
            broken.add("no remote backend block");
            return broken;
        }
        for (String tfvars : module.tfvars().keySet()) {
            String backendFile = tfvars.replace(".tfvars", "." + type.get() + ".tfbackend");
            if (!module.text().containsKey(backendFile)) {
                broken.add(tfvars + " has no " + backendFile + " (partial backend configuration)");
            }
        }
        return broken;
    }

    /** Each environment file sets only declared variables, and every variable without a default. */
    static List<String> environmentsSetEveryRequiredVariable(TerraformModule module) {
        List<String> broken = new ArrayList<>();
        Map<String, JsonNode> variables = module.blocks("variable");
        if (!module.tfvars().containsKey("environments/staging.tfvars")
                || !module.tfvars().containsKey("environments/production.tfvars")) {
            broken.add("environments/staging.tfvars and environments/production.tfvars are both needed");
        }
        module.tfvars().forEach((file, values) -> {
            values.properties().stream().map(Map.Entry::getKey).filter(k -> !variables.containsKey(k))
                    .forEach(k -> broken.add(file + " sets undeclared variable " + k));
            variables.forEach((name, body) -> {
                if (!body.has("default") && !values.has(name)) {
                    broken.add(file + " does not set " + name);
                }
            });
        });
        return broken;
    }

    /**
     * RDS PostgreSQL: encrypted, deletion protection, backups for point-in-time restore kept ≥ 7 days (in every
     * environment), multi-AZ a variable, Performance Insights, a parameter group forcing TLS, the password kept by RDS.
     */
    static List<String> rdsHardened(TerraformModule module) {
        List<String> broken = new ArrayList<>();
        Map<String, JsonNode> databases = new java.util.LinkedHashMap<>();
        module.blocks("module").forEach((name, body) -> {
            if (body.path("source").asText().startsWith("terraform-aws-modules/rds/aws")) {
                databases.put(name, body);
            }
        });
        if (databases.isEmpty()) {
            broken.add("no terraform-aws-modules/rds/aws module");
        }
        databases.forEach((name, db) -> {
            String at = "module " + name + ": ";
            if (!isTrue(module, db.path("storage_encrypted"))) {
                broken.add(at + "storage_encrypted is not true");
            }
            if (!isTrue(module, db.path("deletion_protection"))) {
                broken.add(at + "deletion_protection is not true in every environment");
            }
            if (!isTrue(module, db.path("performance_insights_enabled"))) {
                broken.add(at + "performance_insights_enabled is not true");
            }
            if (!VARIABLE_REFERENCE.matcher(db.path("multi_az").asText("")).matches()) {
                broken.add(at + "multi_az is not a variable");
            }
            if (db.path("manage_master_user_password").isBoolean() && !db.path("manage_master_user_password").asBoolean()
                    || db.has("password_wo") || db.has("password")) {
                broken.add(at + "the master password is not left to RDS and Secrets Manager");
            }
            List<JsonNode> retention = values(module, db.path("backup_retention_period"));
            if (retention.isEmpty() || retention.stream().anyMatch(v -> !v.isNumber() || v.asInt() < 7)) {
                broken.add(at + "backup_retention_period is not >= 7 days in every environment: " + retention);
            }
            boolean forceSsl = false;
            for (JsonNode parameter : db.path("parameters")) {
                forceSsl |= parameter.path("name").asText().equals("rds.force_ssl")
                        && parameter.path("value").asText().equals("1");
            }
            if (!forceSsl) {
                broken.add(at + "no parameter rds.force_ssl = 1");
            }
        });
        return broken;
    }

    /** A WAFv2 web ACL with AWS managed rule groups and a rate-based rule scoped down to /api/auth. */
    static List<String> wafGuardsAuthRoutes(TerraformModule module) {
        List<String> broken = new ArrayList<>();
        Map<String, JsonNode> acls = module.resources("aws_wafv2_web_acl");
        if (acls.isEmpty()) {
            broken.add("no aws_wafv2_web_acl");
        }
        acls.forEach((name, acl) -> {
            boolean managed = false;
            boolean authRate = false;
            for (JsonNode rule : acl.path("rule")) {
                JsonNode statement = rule.path("statement").path(0);
                managed |= statement.path("managed_rule_group_statement").path(0).path("vendor_name").asText().equals("AWS");
                JsonNode rate = statement.path("rate_based_statement").path(0);
                JsonNode match = rate.path("scope_down_statement").path(0).path("byte_match_statement").path(0);
                authRate |= !rate.isMissingNode() && rule.path("action").path(0).has("block")
                        && match.path("search_string").asText().startsWith("/api/auth")
                        && match.path("positional_constraint").asText().equals("STARTS_WITH")
                        && match.path("field_to_match").path(0).has("uri_path");
            }
            if (!managed) {
                broken.add("web ACL " + name + " uses no AWS managed rule group");
            }
            if (!authRate) {
                broken.add("web ACL " + name + " has no blocking rate-based rule scoped to the /api/auth path");
            }
        });
        return broken;
    }

    /** Every key path of local.helm_values exists in the chart's values.schema.json. */
    static List<String> helmValuesKeysInChartSchema(TerraformModule module, JsonNode schema) {
        List<String> broken = new ArrayList<>();
        JsonNode values = module.local("helm_values");
        if (!values.isObject()) {
            broken.add("no local helm_values object");
            return broken;
        }
        checkKeys(values, schema, "", broken);
        return broken;
    }

    private static void checkKeys(JsonNode value, JsonNode schema, String path, List<String> broken) {
        if (value.isObject()) {
            value.properties().forEach(e -> {
                JsonNode child = schema.path("properties").path(e.getKey());
                if (child.isMissingNode()) {
                    child = schema.path("additionalProperties");
                }
                String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (!child.isObject()) {
                    broken.add(at + " is not a key of the chart's values.schema.json");
                } else {
                    checkKeys(e.getValue(), child, at, broken);
                }
            });
        } else if (value.isArray() && schema.has("items")) {
            value.forEach(item -> checkKeys(item, schema.path("items"), path + "[]", broken));
        }
    }

    private static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).find() && !SECRET_REFERENCE_NAME.matcher(name).matches();
    }

    private static boolean isTrue(TerraformModule module, JsonNode value) {
        List<JsonNode> all = values(module, value);
        return !all.isEmpty() && all.stream().allMatch(v -> v.isBoolean() && v.asBoolean());
    }

    /**
     * The values an attribute takes: itself when literal; for `var.x`, the default (if any) and the value in each
     * environment file (an environment that leaves a default-less variable unset is caught elsewhere). Empty when
     * the expression is something else.
     */
    private static List<JsonNode> values(TerraformModule module, JsonNode value) {
        if (value.isMissingNode()) {
            return List.of();
        }
        Matcher variable = VARIABLE_REFERENCE.matcher(value.isTextual() ? value.asText() : "");
        if (!variable.matches()) {
            return value.isTextual() && value.asText().contains("${") ? List.of() : List.of(value);
        }
        List<JsonNode> all = new ArrayList<>();
        JsonNode declared = module.blocks("variable").get(variable.group(1));
        if (declared != null && declared.has("default")) {
            all.add(declared.get("default"));
        }
        module.tfvars().values().forEach(v -> {
            if (v.has(variable.group(1))) {
                all.add(v.get(variable.group(1)));
            }
        });
        return all;
    }
}
