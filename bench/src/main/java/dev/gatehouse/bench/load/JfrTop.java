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
 * the sampled threads, the methods most often on top of the sampled stacks (self), the Gatehouse methods most often
 * anywhere on them (total), the Gatehouse methods that called into {@code java.util.regex}, and the garbage
 * collections with the allocation rate they imply (heap used before each collection less after the previous one).
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
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> regexCallers = new HashMap<>();
        GcTally gc = new GcTally();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.GCHeapSummary")) {
                gc.add(event);
                continue;
            }
            if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            threads.merge(event.getThread("sampledThread").getJavaName(), 1, Integer::sum);
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            boolean inRegex = false;
            boolean regexCallerFound = false;
            for (RecordedFrame frame : frames) {
                String method = name(frame.getMethod());
                inRegex |= method.startsWith("java.util.regex.");
                if (method.startsWith("dev.gatehouse.")) {
                    if (seen.add(method)) {
                        gatehouseTotal.merge(method, 1, Integer::sum);
                    }
                    if (inRegex && !regexCallerFound) {
                        regexCallers.merge(method, 1, Integer::sum);
                        regexCallerFound = true;
                    }
                }
            }
        }
        System.out.println("execution samples: " + samples);
        print("threads", threads, samples, limit);
        print("top frames (self)", self, samples, limit);
        print("Gatehouse methods on the stack (total)", gatehouseTotal, samples, limit);
        print("Gatehouse methods calling java.util.regex", regexCallers, samples, limit);
        System.out.println();
        System.out.println(gc.summary());
    }

    /** Collections and the bytes allocated between them, from the heap summaries before and after each GC. */
    private static final class GcTally {
        private int collections;
        private long allocated;
        private long usedAfterPrevious = -1;
        private java.time.Instant first;
        private java.time.Instant last;

        void add(RecordedEvent event) {
            long used = event.getLong("heapUsed");
            if ("Before GC".equals(event.getString("when"))) {
                collections++;
                if (usedAfterPrevious >= 0) {
                    allocated += used - usedAfterPrevious;
                    last = event.getStartTime();
                } else {
                    first = event.getStartTime();
                }
            } else {
                usedAfterPrevious = used;
            }
        }

        String summary() {
            if (first == null || last == null || !last.isAfter(first)) {
                return "garbage collections: " + collections;
            }
            double seconds = java.time.Duration.between(first, last).toMillis() / 1000.0;
            return String.format(java.util.Locale.ROOT,
                    "garbage collections: %d; allocation between them: %.0f MB/s", collections,
                    allocated / seconds / 1e6);
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
