package dev.gatehouse.gateway;

import dev.gatehouse.core.net.CidrBlock;
import java.util.List;

/** What the gateway believes about its peers: the proxies whose X-Forwarded-For and -Proto count (none: direct). */
public record NetworkSettings(List<CidrBlock> trustedProxies) {
    public static final NetworkSettings DEFAULTS = new NetworkSettings(List.of());

    public NetworkSettings {
        trustedProxies = List.copyOf(trustedProxies);
    }
}
