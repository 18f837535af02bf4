package dev.gatehouse.core.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds policy inputs for tests, with a fixed time (no system clock). */
public final class TestInputs {

    /** Wednesday 2026-11-25, 12:00 UTC. */
    public static final Instant WEDNESDAY_NOON = Instant.parse("2026-11-25T12:00:00Z");

    private Principal user;
    private String method = "GET";
    private String path = "/";
    private InetAddress sourceIp;
    private Instant time = WEDNESDAY_NOON;
    private boolean corsPreflight;

    public static TestInputs anonymous() {
        return new TestInputs();
    }

    public static TestInputs user(String sub, String email) {
        return new TestInputs().as(new Principal(sub, email, List.of(), Map.of()));
    }

    public static TestInputs groups(String... groups) {
        return new TestInputs().as(new Principal("u1", "u1@example.com", List.of(groups), Map.of()));
    }

    public static TestInputs claims(Map<String, Object> claims) {
        return new TestInputs().as(new Principal("u1", "u1@example.com", List.of(), claims));
    }

    public TestInputs as(Principal principal) {
        this.user = principal;
        return this;
    }

    public TestInputs method(String value) {
        this.method = value;
        return this;
    }

    public TestInputs path(String value) {
        this.path = value;
        return this;
    }

    public TestInputs ip(String literal) {
        try {
            this.sourceIp = literal == null ? null : InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
        return this;
    }

    public TestInputs at(String instant) {
        this.time = instant == null ? null : Instant.parse(instant);
        return this;
    }

    public TestInputs cors(boolean preflight) {
        this.corsPreflight = preflight;
        return this;
    }

    public PolicyInput build() {
        return new PolicyInput(user, new RequestFacts(method, path, sourceIp, time, corsPreflight));
    }
}
