package dev.gatehouse.core.policy;

import dev.gatehouse.core.policy.criteria.Criterion;
import dev.gatehouse.core.policy.criteria.CriterionContext;
import dev.gatehouse.core.policy.criteria.CriterionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Validates a policy tree and compiles it, collecting every problem before failing. */
final class RuleCompiler {

    private static final String OPERATOR_NAMES = "and, or, not, nor";

    private final Function<String, Integer> lineOf;
    private final List<PolicyError> errors = new ArrayList<>();

    /** @param lineOf the source line of a JSON pointer, or null when unknown */
    RuleCompiler(Function<String, Integer> lineOf) {
        this.lineOf = lineOf;
    }

    Policy compile(Object tree) {
        List<CompiledRule> rules = new ArrayList<>();
        if (tree instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                CompiledRule rule = rule(list.get(i), "/" + i, i + 1);
                if (rule != null) {
                    rules.add(rule);
                }
            }
        } else if (tree instanceof Map<?, ?>) {
            CompiledRule rule = rule(tree, "", 1);
            if (rule != null) {
                rules.add(rule);
            }
        } else if (tree != null) {
            error("", "policy: expected a list of rules or a rule object, got " + CriterionContext.typeName(tree));
        }
        if (!errors.isEmpty()) {
            throw new PolicyException(errors);
        }
        return rules.isEmpty() ? Policy.DENY_ALL : new Policy(rules);
    }

    private CompiledRule rule(Object value, String pointer, int number) {
        String label = "rule " + number;
        if (!(value instanceof Map<?, ?> map)) {
            error(pointer, label + ": expected an object with allow or deny, got " + CriterionContext.typeName(value));
            return null;
        }
        if (map.isEmpty()) {
            error(pointer, label + ": expected allow or deny");
            return null;
        }
        RuleBody allow = null;
        RuleBody deny = null;
        boolean valid = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String action = String.valueOf(entry.getKey());
            String at = pointer + "/" + CriterionContext.escape(action);
            switch (action) {
                case "allow" -> {
                    allow = body(entry.getValue(), at, label + " (allow)");
                    valid &= allow != null;
                }
                case "deny" -> {
                    deny = body(entry.getValue(), at, label + " (deny)");
                    valid &= deny != null;
                }
                default -> {
                    error(at, label + ": unknown action '" + action + "' (expected allow or deny)");
                    valid = false;
                }
            }
        }
        return valid ? new CompiledRule(number, allow, deny) : null;
    }

    private RuleBody body(Object value, String pointer, String label) {
        if (!(value instanceof Map<?, ?> map)) {
            error(pointer, label + ": expected an object with " + OPERATOR_NAMES + ", got "
                    + CriterionContext.typeName(value));
            return null;
        }
        if (map.isEmpty()) {
            error(pointer, label + ": expected at least one of " + OPERATOR_NAMES);
            return null;
        }
        RuleBody.Group[] byOperator = new RuleBody.Group[LogicalOperator.values().length];
        boolean valid = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            String at = pointer + "/" + CriterionContext.escape(key);
            LogicalOperator operator = LogicalOperator.byKey(key);
            if (operator == null) {
                error(at, label + ": unknown operator '" + key + "' (expected one of " + OPERATOR_NAMES + ")");
                valid = false;
                continue;
            }
            Criterion[] criteria = criteria(entry.getValue(), at, label + ", " + key);
            valid &= criteria != null;
            byOperator[operator.ordinal()] = criteria == null ? null : new RuleBody.Group(operator, criteria);
        }
        if (!valid) {
            return null;
        }
        List<RuleBody.Group> groups = new ArrayList<>();
        for (RuleBody.Group group : byOperator) {
            if (group != null) {
                groups.add(group);
            }
        }
        return new RuleBody(groups);
    }

    private Criterion[] criteria(Object value, String pointer, String label) {
        if (!(value instanceof List<?> list)) {
            error(pointer, label + ": expected a list of criteria, got " + CriterionContext.typeName(value));
            return null;
        }
        if (list.isEmpty()) {
            error(pointer, label + ": expected at least one criterion");
            return null;
        }
        Criterion[] criteria = new Criterion[list.size()];
        boolean valid = true;
        for (int i = 0; i < list.size(); i++) {
            criteria[i] = criterion(list.get(i), pointer + "/" + i, label + "[" + (i + 1) + "]");
            valid &= criteria[i] != null;
        }
        return valid ? criteria : null;
    }

    private Criterion criterion(Object value, String pointer, String label) {
        if (!(value instanceof Map<?, ?> map)) {
            error(pointer, label + ": expected an object with one criterion, got " + CriterionContext.typeName(value));
            return null;
        }
        if (map.size() != 1) {
            error(pointer, label + ": expected exactly one criterion per list item, got "
                    + (map.isEmpty() ? "none" : map.size() + " (" + String.join(", ", keys(map)) + ")"));
            return null;
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        String key = String.valueOf(entry.getKey());
        CriterionContext context = new CriterionContext(pointer + "/" + CriterionContext.escape(key),
                label + " '" + key + "'", this::error);
        return CriterionRegistry.STANDARD.compile(key, entry.getValue(), context);
    }

    private static List<String> keys(Map<?, ?> map) {
        List<String> keys = new ArrayList<>();
        for (Object key : map.keySet()) {
            keys.add(String.valueOf(key));
        }
        return keys;
    }

    private void error(String pointer, String message) {
        errors.add(new PolicyError(pointer, lineOf == null ? null : lineOf.apply(pointer), message));
    }
}
