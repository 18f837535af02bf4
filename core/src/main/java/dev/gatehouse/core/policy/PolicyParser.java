package dev.gatehouse.core.policy;

/** Entry point of the policy language: validates and compiles policies from structured JSON or YAML text. */
public final class PolicyParser {

    private PolicyParser() {
    }

    /**
     * Compiles a policy from the tree the admin API receives (Jackson / Vert.x {@code JsonArray.getList()}):
     * a list of rules, or a single rule object as Pomerium allows. Null means the empty policy. Nested Vert.x
     * {@code JsonObject}/{@code JsonArray} values are accepted too. The tree is copied, never kept.
     *
     * @throws PolicyException listing every problem, with JSON pointers (lines are null)
     */
    public static Policy parse(Object jsonTree) {
        return new RuleCompiler(null).compile(PlainTree.copy(jsonTree));
    }

    /**
     * Compiles a policy from YAML text. Empty text means the empty policy.
     *
     * @throws PolicyException listing every problem, with JSON pointers and YAML line numbers
     */
    public static Policy parseYaml(String yamlText) {
        return YamlTree.compile(yamlText == null ? "" : yamlText);
    }
}
