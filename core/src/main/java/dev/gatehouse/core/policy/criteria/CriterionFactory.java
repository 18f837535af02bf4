package dev.gatehouse.core.policy.criteria;

/** Compiles a criterion's value; reports problems to the context and returns null when the value is invalid. */
@FunctionalInterface
public interface CriterionFactory {

    /**
     * @param subPath what followed {@code name/} in the key ({@code claim/groups} gives {@code groups}), or null
     * @param value   the criterion's value as Map/List/String/Number/Boolean/null
     */
    Criterion create(String subPath, Object value, CriterionContext context);
}
