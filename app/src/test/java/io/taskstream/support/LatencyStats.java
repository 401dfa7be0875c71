package io.taskstream.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Count, median, 99th percentile (nearest rank) and maximum of latencies in milliseconds: the benchmarks' figures. */
public record LatencyStats(int n, double p50, double p99, double max) {

    public static LatencyStats of(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencyStats(sorted.size(), percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.getLast());
    }

    static double percentile(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /** Reads back what {@link #json()} wrote. */
    public static LatencyStats parse(String json) {
        Matcher m = Pattern.compile("\"n\":(\\d+),\"p50Ms\":([-\\d.NaN]+),\"p99Ms\":([-\\d.NaN]+),\"maxMs\":([-\\d.NaN]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException(json);
        }
        return new LatencyStats(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                Double.parseDouble(m.group(4)));
    }

    public String json() {
        return String.format(Locale.ROOT, "{\"n\":%d,\"p50Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f}", n, p50, p99, max);
    }
}
