package dev.gatehouse.gateway.routing;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Longest-prefix lookup: one node per character, children in sorted arrays. A lookup walks the path once
 * (binary search among a node's children) and allocates nothing; its cost depends on the path's length, not on
 * the number of prefixes.
 */
final class PrefixTrie {
    private final Node root;

    private PrefixTrie(Node root) {
        this.root = root;
    }

    /** The route of the longest prefix of {@code path}, or null. */
    CompiledRoute longestPrefixOf(String path) {
        Node node = root;
        CompiledRoute best = root.route;
        for (int i = 0; i < path.length(); i++) {
            node = node.child(path.charAt(i));
            if (node == null) {
                break;
            }
            if (node.route != null) {
                best = node.route;
            }
        }
        return best;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Collects prefixes; the first route added for a prefix keeps it. */
    static final class Builder {
        private final BuilderNode root = new BuilderNode();

        void add(String prefix, CompiledRoute route) {
            BuilderNode node = root;
            for (int i = 0; i < prefix.length(); i++) {
                node = node.children.computeIfAbsent(prefix.charAt(i), c -> new BuilderNode());
            }
            if (node.route == null) {
                node.route = route;
            }
        }

        PrefixTrie build() {
            return new PrefixTrie(root.freeze());
        }
    }

    private static final class BuilderNode {
        private final TreeMap<Character, BuilderNode> children = new TreeMap<>();
        private CompiledRoute route;

        Node freeze() {
            char[] labels = new char[children.size()];
            Node[] next = new Node[children.size()];
            int i = 0;
            for (Map.Entry<Character, BuilderNode> child : children.entrySet()) {
                labels[i] = child.getKey();
                next[i] = child.getValue().freeze();
                i++;
            }
            return new Node(labels, next, route);
        }
    }

    private static final class Node {
        private final char[] labels;
        private final Node[] children;
        private final CompiledRoute route;

        Node(char[] labels, Node[] children, CompiledRoute route) {
            this.labels = labels;
            this.children = children;
            this.route = route;
        }

        Node child(char c) {
            int i = labels.length == 1 ? (labels[0] == c ? 0 : -1) : Arrays.binarySearch(labels, c);
            return i < 0 ? null : children[i];
        }
    }
}
