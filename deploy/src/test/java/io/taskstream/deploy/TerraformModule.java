package io.taskstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One Terraform root module of deploy/terraform (its .tf files, environments/*.tfvars and *.tfbackend), parsed by
 * HashiCorp's HCL parser (npm @cdktf/hcl2json in src/test/hcl) into Terraform's JSON form: blocks become objects,
 * repeated blocks arrays, expressions "${…}" strings.
 */
record TerraformModule(Path dir, Map<String, JsonNode> files, Map<String, JsonNode> tfvars,
        Map<String, String> text, List<String> parseErrors) {

    static final Path TERRAFORM_DIR = Chart.DEPLOY_DIR.resolve("terraform");
    static final List<String> ROOTS = List.of("aws", "digitalocean");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static NodeProject parser;

    /** The root modules of deploy/terraform. */
    static List<Path> rootDirs() {
        return ROOTS.stream().map(TERRAFORM_DIR::resolve).toList();
    }

    /** Writes a module made of the given files (file name → HCL text), e.g. a fixture that breaks a rule. */
    static Path write(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return dir;
    }

    /** The modules in these directories, parsed in one run of the parser (each run spends seconds loading it). */
    static List<TerraformModule> parse(List<Path> dirs) throws Exception {
        return load(dirs);
    }

    private static List<TerraformModule> load(List<Path> dirs) throws Exception {
        Map<Path, List<Path>> filesByDir = new LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        for (Path dir : dirs) {
            List<Path> files = files(dir);
            filesByDir.put(dir, files);
            files.stream().filter(f -> !f.toString().endsWith(".tfbackend"))
                    .forEach(f -> args.add(f.toAbsolutePath().toString()));
        }
        NodeProject.Result result = parser().node("parse.mjs", args);
        if (result.exit() != 0) {
            throw new AssertionError("the HCL parser failed:\n" + result.output());
        }
        JsonNode parsed = JSON.readTree(result.output());
        List<TerraformModule> modules = new ArrayList<>();
        for (Map.Entry<Path, List<Path>> entry : filesByDir.entrySet()) {
            Path dir = entry.getKey();
            Map<String, JsonNode> tf = new LinkedHashMap<>();
            Map<String, JsonNode> tfvars = new LinkedHashMap<>();
            Map<String, String> text = new LinkedHashMap<>();
            List<String> errors = new ArrayList<>();
            for (Path file : entry.getValue()) {
                String name = dir.relativize(file).toString();
                text.put(name, Files.readString(file));
                JsonNode json = parsed.path(file.toAbsolutePath().toString());
                if (name.endsWith(".tfbackend")) {
                    continue;
                }
                if (json.has("parseError")) {
                    errors.add(name + ": " + json.get("parseError").asText());
                } else if (name.endsWith(".tfvars")) {
                    tfvars.put(name, json);
                } else {
                    tf.put(name, json);
                }
            }
            modules.add(new TerraformModule(dir, tf, tfvars, text, errors));
        }
        return modules;
    }

    private static synchronized NodeProject parser() throws Exception {
        if (parser == null) {
            parser = NodeProject.installed("hcl");
        }
        return parser;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !dir.relativize(f).startsWith(".terraform") && !dir.relativize(f).startsWith("generated"))
                    .filter(f -> f.toString().endsWith(".tf") || f.toString().endsWith(".tfvars")
                            || f.toString().endsWith(".tfbackend"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return dir.getFileName().toString();
    }

    /** Each labelled block of a kind ("variable", "output", "module"): label → its body. */
    Map<String, JsonNode> blocks(String kind) {
        Map<String, JsonNode> blocks = new LinkedHashMap<>();
        files.values().forEach(f -> f.path(kind).properties().forEach(e -> blocks.put(e.getKey(), e.getValue().get(0))));
        return blocks;
    }

    /** Each resource of a type: name → its body. */
    Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        files.values().forEach(f -> f.path("resource").path(type).properties()
                .forEach(e -> resources.put(e.getKey(), e.getValue().get(0))));
        return resources;
    }

    /** The bodies of every `terraform {}` block. */
    List<JsonNode> terraformBlocks() {
        List<JsonNode> blocks = new ArrayList<>();
        files.values().forEach(f -> f.path("terraform").forEach(blocks::add));
        return blocks;
    }

    /** A local value by name, or a missing node. */
    JsonNode local(String name) {
        for (JsonNode file : files.values()) {
            for (JsonNode locals : file.path("locals")) {
                if (locals.has(name)) {
                    return locals.get(name);
                }
            }
        }
        return MissingNode.getInstance();
    }
}
