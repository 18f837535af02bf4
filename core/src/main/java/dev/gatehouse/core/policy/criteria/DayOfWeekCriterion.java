package dev.gatehouse.core.policy.criteria;

import dev.gatehouse.core.policy.PolicyInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code day_of_week} (Gatehouse extension): the days on which requests match, in UTC unless a timezone is given.
 * Forms: {@code "mon-fri"}, {@code "sat,sun"}, {@code 3}, a list of those, or
 * {@code {is: "mon-fri", timezone: "Europe/Berlin"}}. Days are names ({@code mon} or {@code monday}, any case)
 * or numbers 0-7 (0 and 7 are Sunday, as in cron); ranges may wrap ({@code fri-mon}).
 */
public final class DayOfWeekCriterion implements Criterion {

    public static final String NAME = "day_of_week";
    static final CriterionFactory FACTORY = DayOfWeekCriterion::create;
    private static final List<String> SHORT_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final List<String> LONG_NAMES =
            List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final List<String> FIELDS = List.of("is", "timezone");

    private final int dayMask;
    private final TimeZoneSpec zone;

    private DayOfWeekCriterion(int dayMask, TimeZoneSpec zone) {
        this.dayMask = dayMask;
        this.zone = zone;
    }

    private static Criterion create(String subPath, Object value, CriterionContext context) {
        if (value instanceof Map<?, ?>) {
            Map<String, Object> object = context.object(value);
            boolean valid = Fields.checkKnown(object, FIELDS, context);
            if (!object.containsKey("is")) {
                context.error("expected 'is' with the days, e.g. is: mon-fri");
                return null;
            }
            int mask = days(object.get("is"), context.child("is"));
            TimeZoneSpec zone = TimeZoneSpec.parse(object.get("timezone"), context.child("timezone"));
            return valid && mask > 0 && zone != null ? new DayOfWeekCriterion(mask, zone) : null;
        }
        int mask = days(value, context);
        return mask > 0 ? new DayOfWeekCriterion(mask, TimeZoneSpec.UTC) : null;
    }

    /** The day mask (bit 0 = Monday), or 0 after reporting problems. */
    private static int days(Object value, CriterionContext context) {
        if (value instanceof List<?>) {
            List<?> list = context.nonEmptyList(value);
            if (list == null) {
                return 0;
            }
            int mask = 0;
            boolean valid = true;
            for (int i = 0; i < list.size(); i++) {
                int days = days(list.get(i), context.child(i));
                valid &= days > 0;
                mask |= days;
            }
            return valid ? mask : 0;
        }
        if (value instanceof Number number) {
            return spec(number.toString(), context);
        }
        if (value instanceof String text) {
            return spec(text, context);
        }
        context.error("expected days such as \"mon-fri\" or \"sat,sun\", got " + CriterionContext.typeName(value));
        return 0;
    }

    private static int spec(String text, CriterionContext context) {
        int mask = 0;
        for (String item : text.split(",", -1)) {
            int dash = item.indexOf('-');
            int from = day(dash < 0 ? item : item.substring(0, dash));
            int to = dash < 0 ? from : day(item.substring(dash + 1));
            if (from < 0 || to < 0) {
                context.error("invalid day '" + item.trim() + "' in '" + text
                        + "' (expected mon..sun, full day names or 0-7, ranges like mon-fri, separated by commas)");
                return 0;
            }
            for (int day = from; ; day = (day + 1) % 7) {
                mask |= 1 << day;
                if (day == to) {
                    break;
                }
            }
        }
        return mask;
    }

    /** Monday = 0 ... Sunday = 6, or -1. */
    private static int day(String token) {
        String name = token.trim().toLowerCase(Locale.ROOT);
        int index = SHORT_NAMES.indexOf(name);
        if (index < 0) {
            index = LONG_NAMES.indexOf(name);
        }
        if (index < 0 && name.length() == 1 && name.charAt(0) >= '0' && name.charAt(0) <= '7') {
            index = Math.floorMod(name.charAt(0) - '0' - 1, 7);
        }
        return index;
    }

    @Override
    public String key() {
        return NAME;
    }

    @Override
    public long evaluate(PolicyInput input) {
        Instant time = input.request().time();
        boolean matched = time != null && (dayMask & (1 << zone.dayOfWeekIndex(time))) != 0;
        return Outcome.decide(matched, Reason.DAY_OF_WEEK_OK, Reason.DAY_OF_WEEK_UNAUTHORIZED);
    }

    @Override
    public Object toJson() {
        List<String> names = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            if ((dayMask & (1 << day)) != 0) {
                names.add(SHORT_NAMES.get(day));
            }
        }
        String days = String.join(",", names);
        if (zone.id() == null) {
            return days;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("is", days);
        json.put("timezone", zone.id());
        return json;
    }
}
