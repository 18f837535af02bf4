package dev.gatehouse.core.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy document is invalid; {@link #errors()} lists every problem found, in document order. */
public final class PolicyException extends RuntimeException {

    private final List<PolicyError> errors;

    public PolicyException(List<PolicyError> errors) {
        super(errors.stream().map(PolicyError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<PolicyError> errors() {
        return errors;
    }
}
