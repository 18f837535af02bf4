package dev.gatehouse.core.policy.criteria;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/** A time zone resolved once at compile time, turning instants into local clock values without allocating. */
final class TimeZoneSpec {

    static final TimeZoneSpec UTC = new TimeZoneSpec(null, ZoneOffset.UTC.getRules());
    private static final int SECONDS_PER_DAY = 86_400;
    /** 1970-01-01 was a Thursday: index 3 when Monday is 0. */
    private static final int EPOCH_DAY_OF_WEEK = 3;

    private final String id;
    private final ZoneRules rules;

    private TimeZoneSpec(String id, ZoneRules rules) {
        this.id = id;
        this.rules = rules;
    }

    /** The zone named by {@code value} (null means UTC), or null after reporting that it is unknown. */
    static TimeZoneSpec parse(Object value, CriterionContext context) {
        if (value == null) {
            return UTC;
        }
        String name = context.string(value);
        if (name == null) {
            return null;
        }
        try {
            return new TimeZoneSpec(name, ZoneId.of(name).getRules());
        } catch (DateTimeException e) {
            context.error("unknown timezone '" + name + "' (expected an IANA name such as Europe/Berlin, or UTC)");
            return null;
        }
    }

    /** The zone as written, or null when none was given. */
    String id() {
        return id;
    }

    private long localSeconds(Instant instant) {
        return instant.getEpochSecond() + rules.getOffset(instant).getTotalSeconds();
    }

    int secondOfDay(Instant instant) {
        return (int) Math.floorMod(localSeconds(instant), (long) SECONDS_PER_DAY);
    }

    /** Day of week with Monday as 0 and Sunday as 6. */
    int dayOfWeekIndex(Instant instant) {
        long epochDay = Math.floorDiv(localSeconds(instant), (long) SECONDS_PER_DAY);
        return (int) Math.floorMod(epochDay + EPOCH_DAY_OF_WEEK, 7L);
    }
}
