package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.PolicyInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code date} (Gatehouse extension): {@code after} and/or {@code before}, RFC 3339 timestamps. Matches requests
 * judged at or after {@code after} and strictly before {@code before}.
 */
public final class DateCriterion implements Criterion {

    public static final String NAME = "date";
    static final CriterionFactory FACTORY = DateCriterion::create;
    private static final List<String> FIELDS = List.of("after", "before");

    private final Instant after;
    private final Instant before;

    private DateCriterion(Instant after, Instant before) {
        this.after = after;
        this.before = before;
    }

    private static Criterion create(String subPath, Object value, CriterionContext context) {
        Map<String, Object> object = context.object(value);
        if (object == null) {
            return null;
        }
        boolean valid = Fields.checkKnown(object, FIELDS, context);
        if (!object.containsKey("after") && !object.containsKey("before")) {
            context.error("expected 'after', 'before' or both");
            return null;
        }
        Instant after = object.containsKey("after") ? parse(object.get("after"), context.child("after")) : null;
        Instant before = object.containsKey("before") ? parse(object.get("before"), context.child("before")) : null;
        valid &= (after != null || !object.containsKey("after")) && (before != null || !object.containsKey("before"));
        if (valid && after != null && before != null && !after.isBefore(before)) {
            context.error("'after' (" + after + ") must be earlier than 'before' (" + before + ")");
            return null;
        }
        return valid ? new DateCriterion(after, before) : null;
    }

    private static Instant parse(Object value, CriterionContext context) {
        String text = context.string(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            context.error("invalid RFC 3339 timestamp '" + text + "' (expected e.g. 2026-01-31T09:00:00Z)");
            return null;
        }
    }

    @Override
    public String key() {
        return NAME;
    }

    @Override
    public long evaluate(PolicyInput input) {
        Instant time = input.request().time();
        boolean matched = time != null
                && (after == null || !time.isBefore(after))
                && (before == null || time.isBefore(before));
        return Outcome.decide(matched, Reason.DATE_OK, Reason.DATE_UNAUTHORIZED);
    }

    @Override
    public Object toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        if (after != null) {
            json.put("after", after.toString());
        }
        if (before != null) {
            json.put("before", before.toString());
        }
        return json;
    }
}
