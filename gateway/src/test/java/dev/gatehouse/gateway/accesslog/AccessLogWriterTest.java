package dev.gatehouse.gateway.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The writer's side of batching: what a sink sees of writes and flushes. */
class AccessLogWriterTest {
    private static final String FLUSH = "flush";

    /** Every write (its request id) and every flush, in the order the sink saw them. */
    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private final AccessLogSink recording = new AccessLogSink() {
        @Override
        public void write(AccessLogEntry entry) {
            seen.add(entry.requestId());
        }

        @Override
        public void flush() {
            seen.add(FLUSH);
        }
    };

    @Test
    void flushesOnceTheQueueHasDrained() throws Exception {
        AccessLogWriter writer = new AccessLogWriter(100, recording);
        try {
            for (int i = 0; i < 20; i++) {
                assertThat(writer.offer(entry("e" + i))).isTrue();
            }
            List<String> events = new ArrayList<>();
            while (events.stream().filter(id -> !id.equals(FLUSH)).count() < 20 || !last(events).equals(FLUSH)) {
                String next = seen.poll(30, TimeUnit.SECONDS);
                assertThat(next).as("the writer wrote and flushed everything offered").isNotNull();
                events.add(next);
            }
            assertThat(events.stream().filter(id -> !id.equals(FLUSH)))
                    .containsExactlyElementsOf(ids("e", 20));
        } finally {
            writer.close(Duration.ofSeconds(30));
        }
    }

    @Test
    void aBurstFromSeveralThreadsLosesNothingAndKeepsEachThreadsOrder() throws Exception {
        AccessLogWriter writer = new AccessLogWriter(40_000, recording);
        int threads = 4;
        int perThread = 5_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> offering = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            Thread thread = new Thread(() -> {
                awaitQuietly(go);
                for (int i = 0; i < perThread; i++) {
                    writer.offer(entry(prefix + i));
                }
            });
            thread.start();
            offering.add(thread);
        }
        go.countDown();
        for (Thread thread : offering) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        writer.close(Duration.ofSeconds(30));

        List<String> events = new ArrayList<>(seen);
        List<String> written = events.stream().filter(id -> !id.equals(FLUSH)).toList();
        assertThat(writer.dropped()).isZero();
        assertThat(writer.written()).isEqualTo((long) threads * perThread);
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            assertThat(written.stream().filter(id -> id.startsWith(prefix))).containsExactlyElementsOf(ids(prefix, perThread));
        }
        assertThat(last(events)).as("flushed before it stopped").isEqualTo(FLUSH);
    }

    @Test
    void closeWritesWhatIsQueuedAndFlushesLast() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        AccessLogWriter writer = new AccessLogWriter(10, new AccessLogSink() {
            @Override
            public void write(AccessLogEntry entry) {
                writing.countDown();
                awaitQuietly(release);
                seen.add(entry.requestId());
            }

            @Override
            public void flush() {
                seen.add(FLUSH);
            }
        });
        assertThat(writer.offer(entry("held"))).isTrue();
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 10; i++) {
            assertThat(writer.offer(entry("q" + i))).isTrue();
        }
        assertThat(writer.offer(entry("one too many"))).as("the queue is full: dropped, not blocked").isFalse();
        assertThat(writer.dropped()).isEqualTo(1);

        release.countDown();
        writer.close(Duration.ofSeconds(30));

        List<String> events = new ArrayList<>(seen);
        List<String> expected = new ArrayList<>(List.of("held"));
        expected.addAll(ids("q", 10));
        assertThat(events.stream().filter(id -> !id.equals(FLUSH))).containsExactlyElementsOf(expected);
        assertThat(last(events)).isEqualTo(FLUSH);
        assertThat(writer.offer(entry("after close"))).isFalse();
    }

    @Test
    void aFailingFlushIsReportedAndTheWriterCarriesOn() throws Exception {
        AccessLogWriter writer = new AccessLogWriter(10, new AccessLogSink() {
            @Override
            public void write(AccessLogEntry entry) {
                seen.add(entry.requestId());
            }

            @Override
            public void flush() {
                throw new IllegalStateException("disk full");
            }
        });
        try {
            assertThat(writer.offer(entry("before"))).isTrue();
            assertThat(seen.poll(30, TimeUnit.SECONDS)).isEqualTo("before");
            assertThat(writer.offer(entry("after"))).isTrue();
            assertThat(seen.poll(30, TimeUnit.SECONDS)).isEqualTo("after");
        } finally {
            writer.close(Duration.ofSeconds(30));
        }
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    private static String last(List<String> events) {
        return events.isEmpty() ? "" : events.get(events.size() - 1);
    }

    private static AccessLogEntry entry(String requestId) {
        return new AccessLogEntry(Instant.EPOCH, requestId, null, null, null, null, "GET", "/", "127.0.0.1", 200,
                0, 0, 0, null);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
