package dev.gatehouse.gateway.accesslog;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.slf4j.LoggerFactory;

/**
 * What slf4j-simple (the gateway's logging backend) writes before an INFO message of the {@code gatehouse.access}
 * logger, worked out from the settings it reads ({@code org.slf4j.simpleLogger.*}: system properties first, then
 * {@code simplelogger.properties}) by its rules and defaults, so that {@link ConsoleAccessLogSink} writes the same
 * bytes. Settings it cannot reproduce (a log file, a time since start-up instead of a date) leave the access log
 * to slf4j itself ({@link #forAccessLogger} is empty).
 */
final class SimpleLoggerLayout {
    static final String LOGGER = "gatehouse.access";
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private final SimpleDateFormat dateFormat;
    private final boolean threadName;
    private final boolean threadId;
    private final String levelAndName;
    private final boolean standardOut;
    private long formattedMillis = Long.MIN_VALUE;
    private String formattedDate;

    private SimpleLoggerLayout(SimpleDateFormat dateFormat, boolean threadName, boolean threadId, String levelAndName,
            boolean standardOut) {
        this.dateFormat = dateFormat;
        this.threadName = threadName;
        this.threadId = threadId;
        this.levelAndName = levelAndName;
        this.standardOut = standardOut;
    }

    /**
     * The layout slf4j-simple uses for the access logger, when slf4j-simple is the backend, the logger writes INFO
     * and its output is standard error or standard output; else empty.
     */
    static Optional<SimpleLoggerLayout> forAccessLogger() {
        if (!"org.slf4j.simple.SimpleLoggerFactory".equals(LoggerFactory.getILoggerFactory().getClass().getName())
                || !LoggerFactory.getLogger(LOGGER).isInfoEnabled()) {
            return Optional.empty();
        }
        Properties file = simpleLoggerProperties();
        return of(key -> System.getProperty(key, file.getProperty(key)));
    }

    /** The layout for these settings (full {@code org.slf4j.simpleLogger.*} keys), or empty if not reproducible. */
    static Optional<SimpleLoggerLayout> of(UnaryOperator<String> settings) {
        String logFile = setting(settings, "logFile", "System.err");
        if (!logFile.equals("System.err") && !logFile.equals("System.out")) {
            return Optional.empty();
        }
        SimpleDateFormat dateFormat = null;
        if (flag(settings, "showDateTime", false)) {
            String pattern = settings.apply(PREFIX + "dateTimeFormat");
            if (pattern == null) {
                return Optional.empty();
            }
            try {
                dateFormat = new SimpleDateFormat(pattern);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        boolean brackets = flag(settings, "levelInBrackets", false);
        StringBuilder levelAndName = new StringBuilder(brackets ? "[INFO] " : "INFO ");
        if (flag(settings, "showShortLogName", false)) {
            levelAndName.append(LOGGER.substring(LOGGER.lastIndexOf('.') + 1)).append(" - ");
        } else if (flag(settings, "showLogName", true)) {
            levelAndName.append(LOGGER).append(" - ");
        }
        return Optional.of(new SimpleLoggerLayout(dateFormat, flag(settings, "showThreadName", true),
                flag(settings, "showThreadId", false), levelAndName.toString(), logFile.equals("System.out")));
    }

    /** Appends the prefix of a line written now ({@code millis}) by the current thread. Not thread-safe. */
    StringBuilder appendPrefix(StringBuilder line, long millis) {
        if (dateFormat != null) {
            if (millis != formattedMillis) {
                formattedDate = dateFormat.format(new Date(millis));
                formattedMillis = millis;
            }
            line.append(formattedDate).append(' ');
        }
        if (threadName) {
            line.append('[').append(Thread.currentThread().getName()).append("] ");
        }
        if (threadId) {
            line.append("tid=").append(Thread.currentThread().getId()).append(' ');
        }
        return line.append(levelAndName);
    }

    /** Where slf4j-simple would write now (looked up each time, as slf4j-simple does unless told to cache it). */
    PrintStream target() {
        return standardOut ? System.out : System.err;
    }

    private static String setting(UnaryOperator<String> settings, String name, String otherwise) {
        String value = settings.apply(PREFIX + name);
        return value == null ? otherwise : value;
    }

    private static boolean flag(UnaryOperator<String> settings, String name, boolean otherwise) {
        String value = settings.apply(PREFIX + name);
        return value == null ? otherwise : "true".equalsIgnoreCase(value);
    }

    /** The file as slf4j-simple finds it: through the context class loader, else the system class loader. */
    private static Properties simpleLoggerProperties() {
        Properties properties = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader != null
                ? loader.getResourceAsStream("simplelogger.properties")
                : ClassLoader.getSystemResourceAsStream("simplelogger.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // slf4j-simple ignores an unreadable file the same way: defaults apply.
        }
        return properties;
    }
}
