package dev.gatehouse.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A quick look at a JFR recording of the gateway under load (JDK 17's {@code jfr} tool has no hot-methods view):
 * the methods most often on top of the sampled stacks (self), the Gatehouse methods most often anywhere on them
 * (total), and the allocation pressure by top frame when allocation samples were recorded.
 *
 * <p>Usage: {@code JfrTop RECORDING.jfr [LIMIT]}.
 */
public final class JfrTop {

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrTop RECORDING.jfr [LIMIT]");
            System.exit(2);
        }
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> gatehouseTotal = new HashMap<>();
        Map<String, Long> allocations = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame.getMethod());
                    if (method.startsWith("dev.gatehouse.") && seen.add(method)) {
                        gatehouseTotal.merge(method, 1, Integer::sum);
                    }
                }
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                allocations.merge(name(frames.get(0).getMethod()), event.getLong("weight"), Long::sum);
            }
        }
        System.out.println("execution samples: " + samples);
        print("top frames (self)", self, samples, limit);
        print("Gatehouse methods on the stack (total)", gatehouseTotal, samples, limit);
        if (!allocations.isEmpty()) {
            long total = allocations.values().stream().mapToLong(Long::longValue).sum();
            System.out.println();
            System.out.println("allocation by top frame (sampled weight, " + total / (1024 * 1024) + " MiB in all)");
            allocations.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(limit)
                    .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        }
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int limit) {
        System.out.println();
        System.out.println(title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getKey()));
    }

    private static String name(RecordedMethod method) {
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }
}
