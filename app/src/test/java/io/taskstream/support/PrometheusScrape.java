package io.taskstream.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of the Prometheus text format, read into samples: name, labels, value. */
public record PrometheusScrape(String text, List<Sample> samples) {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+.*)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** The app's metrics as Prometheus scrapes them, in the classic text format. */
    public static PrometheusScrape of(HttpApi api) {
        HttpApi.Response response = api.withHeader("Accept", "text/plain;version=0.0.4").get("/actuator/prometheus");
        if (response.status() != 200 || !response.contentType().startsWith("text/plain")) {
            throw new IllegalStateException("no Prometheus text from /actuator/prometheus: " + response);
        }
        return parse(response.body());
    }

    /** Reads the classic text format (exposition format 0.0.4). */
    public static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("Not a sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return new PrometheusScrape(text, List.copyOf(samples));
    }

    /** The sum of the samples of this name whose labels include all the given ones (pairs: name, value). */
    public double sum(String name, String... labels) {
        return matching(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** The samples of this name whose labels include all the given ones (pairs: name, value). */
    public List<Sample> matching(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    public boolean has(String name, String... labels) {
        return !matching(name, labels).isEmpty();
    }
}
