package dev.gatehouse.bench;

import dev.gatehouse.core.policy.Policy;
import dev.gatehouse.core.policy.PolicyParser;
import dev.gatehouse.core.policy.Principal;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The policy of the load benchmark's authenticated routes ({@code policy.json} beside this class, which
 * {@code bench/run} also sends to the admin API), and the user the benchmark signs in as, whom it allows.
 */
public final class BenchPolicy {
    public static final String SUBJECT = "alice";
    public static final String EMAIL = "alice@bench.example";
    public static final List<String> GROUPS = List.of("staff", "engineering");
    public static final String DEPARTMENT = "r-and-d";

    private BenchPolicy() {
    }

    /** The policy as the admin API receives it. */
    public static JsonArray json() {
        try (InputStream in = BenchPolicy.class.getResourceAsStream("policy.json")) {
            if (in == null) {
                throw new IllegalStateException("policy.json is missing from the classpath");
            }
            return new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Policy compile() {
        return PolicyParser.parse(json());
    }

    public static Principal allowedUser() {
        return new Principal(SUBJECT, EMAIL, GROUPS, Map.of("department", DEPARTMENT, "email", EMAIL));
    }
}
