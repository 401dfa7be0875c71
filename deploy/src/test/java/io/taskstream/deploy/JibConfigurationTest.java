package io.taskstream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The image is built by Jib from app/pom.xml; its configuration is checked here, no Docker needed. */
class JibConfigurationTest {

    private static Element jib;
    private static Element rootPom;

    @BeforeAll
    static void readPoms() throws Exception {
        Path repository = Chart.REPOSITORY;
        Document app = parse(repository.resolve("app/pom.xml"));
        jib = children(child(app.getDocumentElement(), "build", "plugins"), "plugin").stream()
                .filter(p -> text(p, "artifactId").equals("jib-maven-plugin"))
                .findFirst().orElseThrow(() -> new AssertionError("app/pom.xml has no jib-maven-plugin"));
        rootPom = parse(repository.resolve("pom.xml")).getDocumentElement();
    }

    @Test
    void imageIsBuiltOnTheEclipseTemurin21Jre() {
        assertThat(text(jib, "configuration", "from", "image")).matches("eclipse-temurin:21(\\.[0-9.]+)?(_\\d+)?-jre.*");
    }

    @Test
    void containerRunsAsANumericNonRootUser() {
        String user = text(jib, "configuration", "container", "user");

        assertThat(user).matches("\\d+(:\\d+)?");
        for (String id : user.split(":")) {
            assertThat(Integer.parseInt(id)).isPositive();
        }
    }

    @Test
    void jvmSizesItsHeapFromTheContainerLimitAndExitsOnOutOfMemory() {
        List<String> flags = children(child(jib, "configuration", "container", "jvmFlags"), "jvmFlag").stream()
                .map(Node::getTextContent).map(String::trim).toList();

        assertThat(flags).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        assertThat(flags).noneMatch(flag -> flag.startsWith("-Xmx"));
    }

    @Test
    void imageCarriesOpenContainersLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Element label : children(child(jib, "configuration", "container", "labels"), null)) {
            labels.put(label.getTagName(), label.getTextContent().trim());
        }

        assertThat(labels).containsKeys("org.opencontainers.image.title", "org.opencontainers.image.version",
                "org.opencontainers.image.source", "org.opencontainers.image.revision");
        assertThat(labels.keySet()).allMatch(key -> key.startsWith("org.opencontainers.image."));
    }

    @Test
    void dataDirectoryPointsAtTheWritableTmpVolume() {
        assertThat(text(jib, "configuration", "container", "environment", "TASKSTREAM_DATA_DIR")).startsWith("/tmp/");
    }

    @Test
    void imageBuildIsBoundToNoPhaseSoVerifyNeverBuildsOrPushesAnImage() {
        assertThat(child(jib, "executions")).isNull();
    }

    @Test
    void pluginVersionIsPinnedInTheRootPom() {
        Element managed = children(child(rootPom, "build", "pluginManagement", "plugins"), "plugin").stream()
                .filter(p -> text(p, "artifactId").equals("jib-maven-plugin")).findFirst().orElseThrow();

        assertThat(text(managed, "version")).isEqualTo("${jib-maven-plugin.version}");
        assertThat(text(rootPom, "properties", "jib-maven-plugin.version")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(child(jib, "version")).as("app/pom.xml repeats no version").isNull();
    }

    private static Document parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    /** The element at a path of direct children, or null. */
    private static Element child(Element from, String... path) {
        Element current = from;
        for (String name : path) {
            List<Element> matches = children(current, name);
            if (matches.isEmpty()) {
                return null;
            }
            current = matches.getFirst();
        }
        return current;
    }

    private static String text(Element from, String... path) {
        Element element = child(from, path);
        assertThat(element).as(String.join("/", path)).isNotNull();
        return element.getTextContent().trim();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && (name == null || element.getTagName().equals(name))) {
                result.add(element);
            }
        }
        return result;
    }
}
