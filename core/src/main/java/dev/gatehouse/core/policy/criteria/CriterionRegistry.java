package dev.gatehouse.core.policy.criteria;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Maps criterion names to their factories and compiles a criterion from its key and value. */
public final class CriterionRegistry {

    /** The criteria of the policy language. */
    public static final CriterionRegistry STANDARD = new CriterionRegistry(Map.ofEntries(
            Map.entry(AcceptCriterion.NAME, new Entry(AcceptCriterion.FACTORY, false)),
            Map.entry(RejectCriterion.NAME, new Entry(RejectCriterion.FACTORY, false)),
            Map.entry(AuthenticatedUserCriterion.NAME, new Entry(AuthenticatedUserCriterion.FACTORY, false)),
            Map.entry(EmailCriterion.NAME, new Entry(EmailCriterion.FACTORY, false)),
            Map.entry(UserCriterion.NAME, new Entry(UserCriterion.FACTORY, false)),
            Map.entry(DomainCriterion.NAME, new Entry(DomainCriterion.FACTORY, false)),
            Map.entry(GroupsCriterion.NAME, new Entry(GroupsCriterion.FACTORY, false)),
            Map.entry(ClaimCriterion.NAME, new Entry(ClaimCriterion.FACTORY, true)),
            Map.entry(HttpMethodCriterion.NAME, new Entry(HttpMethodCriterion.FACTORY, false)),
            Map.entry(HttpPathCriterion.NAME, new Entry(HttpPathCriterion.FACTORY, false)),
            Map.entry(SourceIpCriterion.NAME, new Entry(SourceIpCriterion.FACTORY, false)),
            Map.entry(DateCriterion.NAME, new Entry(DateCriterion.FACTORY, false)),
            Map.entry(DayOfWeekCriterion.NAME, new Entry(DayOfWeekCriterion.FACTORY, false)),
            Map.entry(TimeOfDayCriterion.NAME, new Entry(TimeOfDayCriterion.FACTORY, false)),
            Map.entry(CorsPreflightCriterion.NAME, new Entry(CorsPreflightCriterion.FACTORY, false))));

    private record Entry(CriterionFactory factory, boolean takesSubPath) {
    }

    private final Map<String, Entry> entries;

    private CriterionRegistry(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** Known criterion names, sorted. */
    public List<String> names() {
        return List.copyOf(new TreeSet<>(entries.keySet()));
    }

    /**
     * Compiles {@code key: value}; {@code key} is a criterion name, optionally followed by {@code /SUBPATH}.
     * Returns null after reporting problems to the context.
     */
    public Criterion compile(String key, Object value, CriterionContext context) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(0, slash);
        String subPath = slash < 0 ? null : key.substring(slash + 1);
        Entry entry = entries.get(name);
        if (entry == null) {
            context.error("unknown criterion '" + name + "' (expected one of "
                    + String.join(", ", names()) + ")");
            return null;
        }
        if (entry.takesSubPath() && (subPath == null || subPath.isEmpty())) {
            context.error("'" + name + "' needs a name after a slash, e.g. " + name + "/groups");
            return null;
        }
        if (!entry.takesSubPath() && subPath != null) {
            context.error("'" + name + "' takes no '/" + subPath + "' suffix");
            return null;
        }
        return entry.factory().create(subPath, value, context);
    }
}
