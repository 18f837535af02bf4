package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.PolicyInput;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code time_of_day} (Gatehouse extension): {@code {after: "09:00", before: "17:00", timezone: "Europe/Berlin"}}.
 * Matches local times at or after {@code after} and strictly before {@code before} (UTC without a timezone).
 * When {@code after} is later than {@code before} the window wraps midnight ({@code 22:00} to {@code 06:00}).
 */
public final class TimeOfDayCriterion implements Criterion {

    public static final String NAME = "time_of_day";
    static final CriterionFactory FACTORY = TimeOfDayCriterion::create;
    private static final List<String> FIELDS = List.of("after", "before", "timezone");
    private static final int UNSET = -1;

    private final int after;
    private final int before;
    private final TimeZoneSpec zone;

    private TimeOfDayCriterion(int after, int before, TimeZoneSpec zone) {
        this.after = after;
        this.before = before;
        this.zone = zone;
    }

    private static Criterion create(String subPath, Object value, CriterionContext context) {
        Map<String, Object> object = context.object(value);
        if (object == null) {
            return null;
        }
        boolean valid = Fields.checkKnown(object, FIELDS, context);
        if (!object.containsKey("after") && !object.containsKey("before")) {
            context.error("expected 'after', 'before' or both, e.g. {after: \"09:00\", before: \"17:00\"}");
            return null;
        }
        Integer after = object.containsKey("after") ? parse(object.get("after"), context.child("after")) : (Integer) UNSET;
        Integer before = object.containsKey("before") ? parse(object.get("before"), context.child("before")) : (Integer) UNSET;
        TimeZoneSpec zone = TimeZoneSpec.parse(object.get("timezone"), context.child("timezone"));
        if (!valid || after == null || before == null || zone == null) {
            return null;
        }
        if (after.intValue() == before.intValue()) {
            context.error("'after' and 'before' are equal, which leaves an empty window");
            return null;
        }
        return new TimeOfDayCriterion(after, before, zone);
    }

    /** Second of day, or null after reporting that the value is not a time. */
    private static Integer parse(Object value, CriterionContext context) {
        String text = context.string(value);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() != 5 && text.length() != 8) {
                throw new DateTimeParseException("length", text, 0);
            }
            return LocalTime.parse(text, DateTimeFormatter.ISO_LOCAL_TIME).toSecondOfDay();
        } catch (DateTimeParseException e) {
            context.error("invalid time '" + text + "' (expected HH:MM or HH:MM:SS, 00:00 to 23:59:59)");
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
        return Outcome.decide(time != null && inWindow(zone.secondOfDay(time)),
                Reason.TIME_OF_DAY_OK, Reason.TIME_OF_DAY_UNAUTHORIZED);
    }

    private boolean inWindow(int second) {
        if (after == UNSET) {
            return second < before;
        }
        if (before == UNSET) {
            return second >= after;
        }
        return after < before
                ? second >= after && second < before
                : second >= after || second < before;
    }

    @Override
    public Object toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        if (after != UNSET) {
            json.put("after", LocalTime.ofSecondOfDay(after).toString());
        }
        if (before != UNSET) {
            json.put("before", LocalTime.ofSecondOfDay(before).toString());
        }
        if (zone.id() != null) {
            json.put("timezone", zone.id());
        }
        return json;
    }
}
