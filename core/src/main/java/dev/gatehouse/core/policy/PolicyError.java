package dev.gatehouse.core.policy;

/**
 * One problem found in a policy document.
 *
 * @param pointer JSON pointer (RFC 6901) into the submitted document, e.g. {@code /0/allow/and/1}
 * @param line    1-based line in the YAML text, or {@code null} when the policy did not come from YAML
 * @param message human-readable problem, naming the rule and criterion
 */
public record PolicyError(String pointer, Integer line, String message) {

    @Override
    public String toString() {
        return (line == null ? "" : "line " + line + ": ") + message + " (at " + (pointer.isEmpty() ? "/" : pointer) + ")";
    }
}
