package dev.gatehouse.gateway.identity;

import java.util.List;
import java.util.Objects;

/** Who an assertion speaks for: the user's subject, email (may be null) and groups, from the session. */
public record AssertedIdentity(String subject, String email, List<String> groups) {
    public AssertedIdentity {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank()) {
            throw new IllegalArgumentException("an asserted identity needs a subject");
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
