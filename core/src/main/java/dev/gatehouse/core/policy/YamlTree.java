package dev.gatehouse.core.policy;

import dev.gatehouse.core.policy.criteria.CriterionContext;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML into the same plain tree the admin API hands over, remembering the line of every element by JSON
 * pointer. Scalars are typed as YAML 1.2 would (so {@code 17:00} stays a string, as in Pomerium's YAML reader).
 */
final class YamlTree {

    private static final int MAX_DEPTH = 64;

    private final Map<String, Integer> lines = new HashMap<>();
    private final List<PolicyError> errors = new ArrayList<>();

    /** Parses the text; throws {@link PolicyException} for malformed YAML or duplicate keys. */
    static Policy compile(String text) {
        YamlTree reader = new YamlTree();
        Object tree = reader.read(text);
        if (!reader.errors.isEmpty()) {
            throw new PolicyException(reader.errors);
        }
        return new RuleCompiler(reader::lineOf).compile(tree);
    }

    private Object read(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            errors.add(new PolicyError("", mark == null ? null : mark.getLine() + 1, "invalid YAML: " + e.getProblem()));
            return null;
        } catch (YAMLException e) {
            errors.add(new PolicyError("", null, "invalid YAML: " + e.getMessage()));
            return null;
        }
        return root == null ? null : convert(root, "", 0);
    }

    private Object convert(Node node, String pointer, int depth) {
        lines.putIfAbsent(pointer, line(node));
        if (depth > MAX_DEPTH) {
            errors.add(new PolicyError(pointer, line(node), "nesting deeper than " + MAX_DEPTH + " levels"));
            return null;
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    errors.add(new PolicyError(pointer, line(tuple.getKeyNode()), "keys must be plain strings"));
                    continue;
                }
                String key = keyNode.getValue();
                String at = pointer + "/" + CriterionContext.escape(key);
                if (map.containsKey(key)) {
                    errors.add(new PolicyError(at, line(keyNode), "duplicate key '" + key + "'"));
                    continue;
                }
                lines.put(at, line(keyNode));
                map.put(key, convert(tuple.getValueNode(), at, depth + 1));
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                list.add(convert(item, pointer + "/" + list.size(), depth + 1));
            }
            return list;
        }
        return scalar((ScalarNode) node);
    }

    private static Object scalar(ScalarNode node) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            return lower.equals("true") || lower.equals("yes") || lower.equals("on");
        }
        if (Tag.INT.equals(tag) && text.indexOf(':') < 0) {
            try {
                BigInteger value = new BigInteger(text.replace("_", ""));
                return value.bitLength() < 64 ? (Object) value.longValue() : value;
            } catch (NumberFormatException e) {
                return text;
            }
        }
        if (Tag.FLOAT.equals(tag) && text.indexOf(':') < 0) {
            try {
                return Double.parseDouble(text.replace("_", ""));
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The line of the pointer, or of its closest ancestor that has one. */
    private Integer lineOf(String pointer) {
        String current = pointer;
        while (true) {
            Integer line = lines.get(current);
            if (line != null || current.isEmpty()) {
                return line;
            }
            current = current.substring(0, current.lastIndexOf('/'));
        }
    }
}
