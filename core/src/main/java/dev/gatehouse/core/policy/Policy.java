package dev.gatehouse.core.policy;

import dev.gatehouse.core.policy.criteria.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A compiled, immutable policy. Access is granted when some {@code allow} body matches and no {@code deny} body
 * matches; an empty policy denies everything. Evaluation is pure and thread-safe.
 *
 * <p>The decision's reasons follow Pomerium: when a deny rule matches, the reasons of the matching deny rules;
 * when allowed, those of the matching allow rules; otherwise those of the failed allow rules (so
 * {@code user-unauthenticated} there means signing in might help). The first matching rule is the deciding one.
 */
public final class Policy {

    /** The empty policy: denies every request. */
    public static final Policy DENY_ALL = new Policy(List.of());

    private final CompiledRule[] rules;
    private final List<Object> json;
    private final ReasonLists reasonLists = new ReasonLists();

    Policy(List<CompiledRule> rules) {
        this.rules = rules.toArray(new CompiledRule[0]);
        List<Object> canonical = new ArrayList<>(rules.size());
        for (CompiledRule rule : rules) {
            canonical.add(rule.toJson());
        }
        this.json = List.copyOf(canonical);
    }

    /** The canonical structured form (unmodifiable Map/List/String/Boolean tree); it parses back to an equal policy. */
    public List<Object> toJson() {
        return json;
    }

    /** The canonical form as block-style YAML; {@link PolicyParser#parseYaml} reads it back to an equal policy. */
    public String toYaml() {
        if (json.isEmpty()) {
            return "[]\n";
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        return new Yaml(options).dump(json);
    }

    /** Number of rules (elements of {@link #toJson()}). */
    public int size() {
        return rules.length;
    }

    /** This policy's rules followed by {@code other}'s, renumbered. */
    public Policy concat(Policy other) {
        List<Object> combined = new ArrayList<>(json);
        combined.addAll(other.json);
        return PolicyParser.parse(combined);
    }

    public Decision evaluate(PolicyInput input) {
        long allowReasons = 0;
        long denyReasons = 0;
        int allowingRule = 0;
        int denyingRule = 0;
        for (CompiledRule rule : rules) {
            if (rule.allow() != null) {
                long outcome = rule.allow().evaluate(input);
                if (Outcome.matched(outcome)) {
                    if (allowingRule == 0) {
                        allowingRule = rule.number();
                        allowReasons = 0;
                    }
                    allowReasons |= Outcome.reasons(outcome);
                } else if (allowingRule == 0) {
                    allowReasons |= outcome;
                }
            }
            if (rule.deny() != null) {
                long outcome = rule.deny().evaluate(input);
                if (Outcome.matched(outcome)) {
                    denyingRule = denyingRule == 0 ? rule.number() : denyingRule;
                    denyReasons |= Outcome.reasons(outcome);
                }
            }
        }
        if (denyingRule != 0) {
            return new Decision(false, reasonLists.reasons(denyReasons, ReasonLists.Verdict.DENIED, denyingRule),
                    denyingRule);
        }
        if (allowingRule != 0) {
            return new Decision(true, reasonLists.reasons(allowReasons, ReasonLists.Verdict.ALLOWED, allowingRule),
                    allowingRule);
        }
        return new Decision(false, reasonLists.reasons(allowReasons, ReasonLists.Verdict.NO_MATCHING_ALLOW_RULE, 0), 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Policy policy && policy.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return "Policy" + json;
    }
}
