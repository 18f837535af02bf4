package dev.gatehouse.core.policy.criteria;

import java.util.List;
import java.util.Map;

/**
 * Where a criterion value sits in the document, and where its problems go. A factory reports every problem it
 * finds here (messages are prefixed with the rule and criterion) and returns null when the value is invalid.
 */
public final class CriterionContext {

    /** Receives problems with the JSON pointer they apply to. */
    @FunctionalInterface
    public interface ErrorSink {
        void report(String pointer, String message);
    }

    private final String pointer;
    private final String label;
    private final ErrorSink sink;

    public CriterionContext(String pointer, String label, ErrorSink sink) {
        this.pointer = pointer;
        this.label = label;
        this.sink = sink;
    }

    /** A context for a member of the current value (a map key or a list index). */
    public CriterionContext child(Object segment) {
        return new CriterionContext(pointer + "/" + escape(String.valueOf(segment)), label, sink);
    }

    public void error(String message) {
        sink.report(pointer, label + ": " + message);
    }

    /** The value as a string, or null after reporting that it is not one. */
    public String string(Object value) {
        if (value instanceof String text) {
            return text;
        }
        error("expected a string, got " + typeName(value));
        return null;
    }

    /** The value as a map, or null after reporting that it is not one. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        error("expected an object, got " + typeName(value));
        return null;
    }

    /** The value as a non-empty list, or null after reporting why not. */
    public List<?> nonEmptyList(Object value) {
        if (!(value instanceof List<?> list)) {
            error("expected a list, got " + typeName(value));
            return null;
        }
        if (list.isEmpty()) {
            error("expected a non-empty list");
            return null;
        }
        return list;
    }

    /** Checks the value of a flag criterion such as {@code accept: true}. */
    public boolean requireTrue(Object value, String name) {
        if (Boolean.TRUE.equals(value)) {
            return true;
        }
        if (Boolean.FALSE.equals(value)) {
            error("'" + name + "' only accepts true (remove the criterion instead of setting it to false)");
        } else {
            error("expected true, got " + typeName(value));
        }
        return false;
    }

    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof Map<?, ?>) {
            return "object";
        }
        return value.getClass().getSimpleName();
    }

    /** Escapes one JSON pointer segment (RFC 6901). */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
