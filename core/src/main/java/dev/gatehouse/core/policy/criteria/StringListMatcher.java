package dev.gatehouse.core.policy.criteria;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pomerium's string list matcher, for values that are lists (groups, list claims): {@code has} (some element
 * equals), {@code is} (exactly one element, and it equals), {@code exclude} (no element equals). A bare string
 * means {@code has}; several operators must all hold. Comparison is exact; numbers and booleans in claims compare
 * by their text.
 */
public final class StringListMatcher {

    public static final List<String> OPERATORS = List.of("has", "is", "exclude");

    private static final int HAS = 0;
    private static final int IS = 1;
    private static final int EXCLUDE = 2;

    private final int[] operators;
    private final String[] operands;
    private final Map<String, Object> json;

    private StringListMatcher(int[] operators, String[] operands, Map<String, Object> json) {
        this.operators = operators;
        this.operands = operands;
        this.json = json;
    }

    /** Compiles a matcher value; returns null after reporting problems to the context. */
    public static StringListMatcher compile(Object value, CriterionContext context) {
        if (value instanceof String text) {
            return new StringListMatcher(new int[] {HAS}, new String[] {text}, Map.of("has", text));
        }
        if (!(value instanceof Map<?, ?> map)) {
            context.error("expected a string or a matcher object (" + String.join(", ", OPERATORS) + "), got "
                    + CriterionContext.typeName(value));
            return null;
        }
        if (map.isEmpty()) {
            context.error("expected at least one matcher (" + String.join(", ", OPERATORS) + ")");
            return null;
        }
        String[] byOperator = new String[OPERATORS.size()];
        boolean valid = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            int operator = OPERATORS.indexOf(name);
            if (operator < 0) {
                context.child(name).error("unknown matcher '" + name + "' (expected one of "
                        + String.join(", ", OPERATORS) + ")");
                valid = false;
                continue;
            }
            byOperator[operator] = context.child(name).string(entry.getValue());
            valid &= byOperator[operator] != null;
        }
        return valid ? build(byOperator) : null;
    }

    private static StringListMatcher build(String[] byOperator) {
        int count = 0;
        for (String operand : byOperator) {
            count += operand == null ? 0 : 1;
        }
        int[] operators = new int[count];
        String[] operands = new String[count];
        Map<String, Object> json = new LinkedHashMap<>();
        int next = 0;
        for (int operator = 0; operator < byOperator.length; operator++) {
            if (byOperator[operator] != null) {
                operators[next] = operator;
                operands[next++] = byOperator[operator];
                json.put(OPERATORS.get(operator), byOperator[operator]);
            }
        }
        return new StringListMatcher(operators, operands, Collections.unmodifiableMap(json));
    }

    /**
     * Matches a value that may be a list, a single scalar (treated as a one-element list) or null (an empty list).
     */
    public boolean matches(Object value) {
        for (int i = 0; i < operators.length; i++) {
            if (!holds(operators[i], operands[i], value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(int operator, String operand, Object value) {
        int size = size(value);
        int equal = countEqual(value, operand);
        return switch (operator) {
            case HAS -> equal > 0;
            case IS -> size == 1 && equal == 1;
            case EXCLUDE -> equal == 0;
            default -> throw new IllegalStateException("operator " + operator);
        };
    }

    private static int size(Object value) {
        if (value == null) {
            return 0;
        }
        return value instanceof List<?> list ? list.size() : 1;
    }

    private static int countEqual(Object value, String operand) {
        if (value instanceof List<?> list) {
            int count = 0;
            for (int i = 0, n = list.size(); i < n; i++) {
                count += scalarEquals(list.get(i), operand) ? 1 : 0;
            }
            return count;
        }
        return scalarEquals(value, operand) ? 1 : 0;
    }

    private static boolean scalarEquals(Object element, String operand) {
        if (element instanceof String text) {
            return text.equals(operand);
        }
        return (element instanceof Number || element instanceof Boolean) && String.valueOf(element).equals(operand);
    }

    public Map<String, Object> toJson() {
        return json;
    }
}
