package dev.gatehouse.bench.jmh;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Prints a JMH JSON result file ({@code -rf json}) as a Markdown table of the median of the measurement iterations
 * (less swayed than the mean by an iteration that other work on a shared machine slowed down), with the fastest and
 * slowest iteration beside it.
 *
 * <p>Usage: {@code JmhMedians RESULT.json}.
 */
public final class JmhMedians {

    private JmhMedians() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JmhMedians RESULT.json");
            System.exit(2);
        }
        JsonArray results = new JsonArray(Files.readString(Path.of(args[0])));
        System.out.println("| benchmark | params | median | fastest | slowest | unit |");
        System.out.println("|---|---|---:|---:|---:|---|");
        for (Object item : results) {
            JsonObject result = (JsonObject) item;
            JsonObject metric = result.getJsonObject("primaryMetric");
            List<Double> scores = new ArrayList<>();
            for (Object fork : metric.getJsonArray("rawData")) {
                for (Object score : (JsonArray) fork) {
                    scores.add(((Number) score).doubleValue());
                }
            }
            Collections.sort(scores);
            String benchmark = result.getString("benchmark");
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n",
                    benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
                    params(result.getJsonObject("params")), format(median(scores)), format(scores.get(0)),
                    format(scores.get(scores.size() - 1)), metric.getString("scoreUnit"));
        }
    }

    private static String params(JsonObject params) {
        if (params == null || params.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        params.forEach(entry -> pairs.add(entry.getKey() + "=" + entry.getValue()));
        return String.join(", ", pairs);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
