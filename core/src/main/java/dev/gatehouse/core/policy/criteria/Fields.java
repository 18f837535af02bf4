package dev.gatehouse.core.policy.criteria;

import java.util.List;
import java.util.Map;

/** Checks of the fixed field names of object-valued criteria. */
final class Fields {

    private Fields() {
    }

    /** Reports each key that is not one of {@code known}; returns whether all were known. */
    static boolean checkKnown(Map<String, Object> object, List<String> known, CriterionContext context) {
        boolean valid = true;
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                context.child(key).error("unknown field '" + key + "' (expected " + String.join(", ", known) + ")");
                valid = false;
            }
        }
        return valid;
    }
}
