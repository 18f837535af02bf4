package dev.gatehouse.gateway.accesslog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each entry as a JSON line to the {@code gatehouse.access} logger (standard error by default). */
public final class Slf4jAccessLogSink implements AccessLogSink {
    private static final Logger ACCESS = LoggerFactory.getLogger("gatehouse.access");

    @Override
    public void write(AccessLogEntry entry) {
        ACCESS.info(AccessLogLines.json(entry));
    }
}
