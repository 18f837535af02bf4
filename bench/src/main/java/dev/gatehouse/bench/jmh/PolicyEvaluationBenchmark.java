package dev.gatehouse.bench.jmh;

import dev.gatehouse.bench.BenchPolicy;
import dev.gatehouse.core.policy.Decision;
import dev.gatehouse.core.policy.Policy;
import dev.gatehouse.core.policy.PolicyInput;
import dev.gatehouse.core.policy.PolicyParser;
import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.core.policy.RequestFacts;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Policy#evaluate} of the load benchmark's policy ({@link BenchPolicy}: an allow rule of six criteria and a
 * deny rule of three) for the four outcomes a request can have, plus the one-criterion policy of
 * {@code allow_any_authenticated_user}. Inputs are built once: the gateway builds one per request, which is a
 * couple of small allocations next to this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyEvaluationBenchmark {
    private Policy benchPolicy;
    private Policy anyAuthenticatedUser;
    private PolicyInput allowed;
    private PolicyInput deniedByDenyRule;
    private PolicyInput noMatchingAllowRule;
    private PolicyInput unauthenticated;

    @Setup(Level.Trial)
    public void build() throws Exception {
        benchPolicy = BenchPolicy.compile();
        anyAuthenticatedUser = PolicyParser.parse(List.of(Map.of("allow", Map.of("or",
                List.of(Map.of("authenticated_user", true))))));
        RequestFacts get = new RequestFacts("GET", "/app/hello", InetAddress.getByName("127.0.0.1"),
                Instant.parse("2025-06-02T10:00:00Z"), false);
        allowed = new PolicyInput(BenchPolicy.allowedUser(), get);
        deniedByDenyRule = new PolicyInput(new Principal("mallory", "mallory@bench.example", List.of("engineering"),
                Map.of("department", "r-and-d")), get);
        noMatchingAllowRule = new PolicyInput(new Principal("bob", "bob@elsewhere.example", List.of("sales"),
                Map.of("department", "sales")), get);
        unauthenticated = new PolicyInput(null, get);
        expect(allowed, true, "allowed-by-rule-1");
        expect(deniedByDenyRule, false, "denied-by-rule-2");
        expect(noMatchingAllowRule, false, Decision.NO_MATCHING_ALLOW_RULE);
        expect(unauthenticated, false, Decision.USER_UNAUTHENTICATED);
    }

    private void expect(PolicyInput input, boolean allow, String reason) {
        Decision decision = benchPolicy.evaluate(input);
        if (decision.allowed() != allow || !decision.reasons().contains(reason)) {
            throw new IllegalStateException("unexpected decision " + decision + " for " + input);
        }
    }

    @Benchmark
    public Decision allowed() {
        return benchPolicy.evaluate(allowed);
    }

    @Benchmark
    public Decision deniedByDenyRule() {
        return benchPolicy.evaluate(deniedByDenyRule);
    }

    @Benchmark
    public Decision noMatchingAllowRule() {
        return benchPolicy.evaluate(noMatchingAllowRule);
    }

    @Benchmark
    public Decision unauthenticated() {
        return benchPolicy.evaluate(unauthenticated);
    }

    @Benchmark
    public Decision anyAuthenticatedUser() {
        return anyAuthenticatedUser.evaluate(allowed);
    }
}
