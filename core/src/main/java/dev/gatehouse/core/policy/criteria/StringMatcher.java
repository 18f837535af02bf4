package dev.gatehouse.core.policy.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pomerium's string matcher: a bare string means {@code is}; an object holds one or more operators, all of which
 * must hold. {@code not} (Pomerium) and {@code not_in} negate {@code is} and {@code in}. A missing value (null)
 * matches nothing, not even the negating operators, as in Pomerium. Case-insensitive matchers compare region by
 * region ({@link String#regionMatches(boolean, int, String, int, int)}), so evaluation allocates nothing.
 */
public final class StringMatcher {

    /** Operator names in canonical order. */
    public static final List<String> OPERATORS = List.of("is", "in", "not_in", "starts_with", "ends_with", "contains", "not");

    private static final int IS = 0;
    private static final int IN = 1;
    private static final int NOT_IN = 2;
    private static final int STARTS_WITH = 3;
    private static final int ENDS_WITH = 4;
    private static final int CONTAINS = 5;
    private static final int NOT = 6;

    private final boolean ignoreCase;
    private final int[] operators;
    private final String[][] operands;
    private final Map<String, Object> json;

    private StringMatcher(boolean ignoreCase, int[] operators, String[][] operands, Map<String, Object> json) {
        this.ignoreCase = ignoreCase;
        this.operators = operators;
        this.operands = operands;
        this.json = json;
    }

    /** Compiles a matcher value; returns null after reporting problems to the context. */
    public static StringMatcher compile(Object value, boolean ignoreCase, CriterionContext context) {
        if (value instanceof String text) {
            return new StringMatcher(ignoreCase, new int[] {IS}, new String[][] {{text}},
                    Map.of("is", text));
        }
        if (!(value instanceof Map<?, ?> map)) {
            context.error("expected a string or a matcher object, got " + CriterionContext.typeName(value));
            return null;
        }
        if (map.isEmpty()) {
            context.error("expected at least one matcher (" + String.join(", ", OPERATORS) + ")");
            return null;
        }
        Object[][] parsed = new Object[OPERATORS.size()][];
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
            CriterionContext at = context.child(name);
            Object[] operand = (operator == IN || operator == NOT_IN)
                    ? stringList(entry.getValue(), at)
                    : singleString(entry.getValue(), at);
            valid &= operand != null;
            parsed[operator] = operand;
        }
        return valid ? build(parsed, ignoreCase) : null;
    }

    private static Object[] singleString(Object value, CriterionContext context) {
        String text = context.string(value);
        return text == null ? null : new Object[] {text};
    }

    private static Object[] stringList(Object value, CriterionContext context) {
        List<?> list = context.nonEmptyList(value);
        if (list == null) {
            return null;
        }
        Object[] texts = new Object[list.size()];
        boolean valid = true;
        for (int i = 0; i < list.size(); i++) {
            texts[i] = context.child(i).string(list.get(i));
            valid &= texts[i] != null;
        }
        return valid ? texts : null;
    }

    private static StringMatcher build(Object[][] parsed, boolean ignoreCase) {
        List<Integer> present = new ArrayList<>();
        Map<String, Object> json = new LinkedHashMap<>();
        for (int operator = 0; operator < parsed.length; operator++) {
            if (parsed[operator] != null) {
                present.add(operator);
                boolean isList = operator == IN || operator == NOT_IN;
                List<Object> values = List.of(parsed[operator]);
                json.put(OPERATORS.get(operator), isList ? values : values.get(0));
            }
        }
        int[] operators = new int[present.size()];
        String[][] operands = new String[present.size()][];
        for (int i = 0; i < operators.length; i++) {
            operators[i] = present.get(i);
            Object[] raw = parsed[operators[i]];
            operands[i] = new String[raw.length];
            for (int j = 0; j < raw.length; j++) {
                operands[i][j] = (String) raw[j];
            }
        }
        return new StringMatcher(ignoreCase, operators, operands, java.util.Collections.unmodifiableMap(json));
    }

    public boolean matches(String value) {
        return value != null && matches(value, 0);
    }

    /** Matches the part of {@code value} from index {@code from} to its end. */
    public boolean matches(String value, int from) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < operators.length; i++) {
            if (!holds(operators[i], operands[i], value, from)) {
                return false;
            }
        }
        return true;
    }

    private boolean holds(int operator, String[] operand, String value, int from) {
        return switch (operator) {
            case IS -> equalsRegion(value, from, operand[0]);
            case IN -> anyEquals(value, from, operand);
            case NOT_IN -> !anyEquals(value, from, operand);
            case NOT -> !equalsRegion(value, from, operand[0]);
            case STARTS_WITH -> value.length() - from >= operand[0].length()
                    && value.regionMatches(ignoreCase, from, operand[0], 0, operand[0].length());
            case ENDS_WITH -> value.length() - from >= operand[0].length()
                    && value.regionMatches(ignoreCase, value.length() - operand[0].length(), operand[0], 0,
                            operand[0].length());
            case CONTAINS -> contains(value, from, operand[0]);
            default -> throw new IllegalStateException("operator " + operator);
        };
    }

    private boolean equalsRegion(String value, int from, String expected) {
        return value.length() - from == expected.length()
                && value.regionMatches(ignoreCase, from, expected, 0, expected.length());
    }

    private boolean anyEquals(String value, int from, String[] expected) {
        for (String candidate : expected) {
            if (equalsRegion(value, from, candidate)) {
                return true;
            }
        }
        return false;
    }

    private boolean contains(String value, int from, String part) {
        int last = value.length() - part.length();
        for (int i = from; i <= last; i++) {
            if (value.regionMatches(ignoreCase, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    /** Canonical form: always the matcher object, operators in {@link #OPERATORS} order. */
    public Map<String, Object> toJson() {
        return json;
    }
}
