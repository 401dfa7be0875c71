package io.taskstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code package} writes the CycloneDX SBOM the release attests on the image ({@code target/bom.json}) next to the
 * jar it describes: it names the app at the jar's version and lists exactly the libraries the jar ships, none of the
 * test-only ones.
 */
class SbomIT {

    private static final Path JAR = Path.of("target/taskstream.jar");
    private static final Path BOM = Path.of("target/bom.json");
    /** Put into the jar by Spring Boot's repackaging (for {@code -Djarmode=tools}), not a dependency of the app. */
    private static final String BOOT_LOADER_TOOLS = "spring-boot-jarmode-tools-";

    private static JsonNode bom;
    private static String jarVersion;
    private static List<String> shippedLibraries;

    @BeforeAll
    static void read() throws IOException {
        assertThat(BOM).as("package writes the SBOM beside the jar").exists();
        bom = JsonMapper.builder().build().readTree(Files.readString(BOM));
        try (JarFile jar = new JarFile(JAR.toFile())) {
            jarVersion = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
            shippedLibraries = Collections.list(jar.entries()).stream().map(e -> e.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()))
                    .filter(name -> !name.startsWith(BOOT_LOADER_TOOLS))
                    .toList();
        }
    }

    @Test
    void theSbomDescribesTheAppAtTheVersionOfTheJar() {
        assertThat(bom.path("bomFormat").asString()).isEqualTo("CycloneDX");
        JsonNode app = bom.path("metadata").path("component");
        assertThat(app.path("type").asString()).isEqualTo("application");
        assertThat(app.path("group").asString()).isEqualTo("io.taskstream");
        assertThat(app.path("name").asString()).isEqualTo("taskstream-app");
        assertThat(jarVersion).isNotBlank();
        assertThat(app.path("version").asString()).isEqualTo(jarVersion);
    }

    @Test
    void theSbomListsEveryLibraryTheJarShipsAndNoTestOnlyOne() {
        Set<String> listed = components().stream()
                .map(c -> c.path("name").asString() + "-" + c.path("version").asString() + ".jar")
                .collect(Collectors.toSet());
        assertThat(shippedLibraries).as("libraries in the jar").hasSizeGreaterThan(50)
                .anyMatch(name -> name.startsWith("postgresql-"))
                .anyMatch(name -> name.startsWith("spring-boot-"));
        assertThat(listed).containsAll(shippedLibraries);
        assertThat(components()).allSatisfy(c -> {
            assertThat(c.path("purl").asString()).startsWith("pkg:maven/");
            assertThat(c.path("hashes").isEmpty()).as("%s has hashes", c.path("purl")).isFalse();
        });
        assertThat(components()).extracting(c -> c.path("name").asString())
                .doesNotContain("assertj-core", "junit-jupiter-api", "playwright", "greenmail");
    }

    private static List<JsonNode> components() {
        return bom.path("components").valueStream().toList();
    }
}
