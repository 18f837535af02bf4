package dev.gatehouse.core.policy;

import java.util.Objects;

/**
 * Everything a policy is evaluated against.
 *
 * @param user    the signed-in user, or null when nobody is signed in
 * @param request facts about the request, never null
 */
public record PolicyInput(Principal user, RequestFacts request) {

    public PolicyInput {
        Objects.requireNonNull(request, "request");
    }
}
