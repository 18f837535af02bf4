package dev.gatehouse.gateway;

import java.util.Objects;
import java.util.Optional;

/**
 * What the operator runs this process as and how they reach its admin API. {@code operatorToken} empty: one
 * generated into the data directory and printed once.
 */
public record OperatorSettings(Role role, Optional<String> operatorToken) {
    public static final OperatorSettings DEFAULTS = new OperatorSettings(Role.ALL, Optional.empty());

    public OperatorSettings {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(operatorToken, "operatorToken");
    }

    public OperatorSettings withRole(Role role) {
        return new OperatorSettings(role, operatorToken);
    }

    public OperatorSettings withOperatorToken(String operatorToken) {
        return new OperatorSettings(role, Optional.of(operatorToken));
    }

    /** The operator token never appears here. */
    @Override
    public String toString() {
        return "OperatorSettings[role=" + role
                + ", operatorToken=" + (operatorToken.isPresent() ? "[set]" : "[generated]") + "]";
    }
}
