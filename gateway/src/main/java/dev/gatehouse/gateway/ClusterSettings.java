package dev.gatehouse.gateway;

import java.util.List;

/** Hazelcast join settings; clustered when members are configured. */
public record ClusterSettings(List<String> members, String name, int port) {
    public static final String DEFAULT_NAME = "gatehouse";
    public static final int DEFAULT_PORT = 5701;
    public static final ClusterSettings DEFAULTS = new ClusterSettings(List.of(), DEFAULT_NAME, DEFAULT_PORT);

    public ClusterSettings {
        members = List.copyOf(members);
    }

    public boolean enabled() {
        return !members.isEmpty();
    }
}
