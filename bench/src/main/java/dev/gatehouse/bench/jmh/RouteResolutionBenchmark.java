package dev.gatehouse.bench.jmh;

import dev.gatehouse.gateway.config.GatewayConfig;
import dev.gatehouse.gateway.routing.CompiledRoute;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the gateway does first for every request: {@code Host} → tenant hostname ({@link GatewayConfig#lookup}), then
 * path → route ({@code TenantHost.resolve}), for an exact path, a longest prefix and a regex (after both indexes
 * missed). {@code layout} is tenants × routes per tenant: 10 routes in all, 10,000 tenants with 100,000 routes, and
 * one hostname with 100,000 routes. Requests cycle over {@value #REQUESTS} (hostname, path) pairs drawn at random
 * from {@code distinct} different ones: with 4096, the large layouts pay the cache misses a busy gateway would (the
 * small layout cannot: it has only a handful of different pairs); with 8, every layout works on the same small set,
 * which stays in the CPU caches, and what remains is the cost of the lookup itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RouteResolutionBenchmark {
    private static final int REQUESTS = 4096;

    @Param({"1x10", "10000x10", "1x100000"})
    public String layout;

    @Param({"4096", "8"})
    public int distinct;

    private GatewayConfig config;
    private final String[] hosts = new String[REQUESTS];
    private final String[] exactPaths = new String[REQUESTS];
    private final String[] prefixedPaths = new String[REQUESTS];
    private int next;

    @Setup(Level.Trial)
    public void build() {
        String[] parts = layout.split("x");
        int tenants = Integer.parseInt(parts[0]);
        int routesPerTenant = Integer.parseInt(parts[1]);
        config = SyntheticTenants.gatewayConfig(tenants, routesPerTenant);
        SplittableRandom random = new SplittableRandom(42);
        int decades = routesPerTenant / 10;
        for (int i = 0; i < REQUESTS; i++) {
            if (i >= distinct) {
                hosts[i] = hosts[i % distinct];
                exactPaths[i] = exactPaths[i % distinct];
                prefixedPaths[i] = prefixedPaths[i % distinct];
                continue;
            }
            hosts[i] = SyntheticTenants.hostname(random.nextInt(tenants));
            int decade = random.nextInt(decades) * 10;
            exactPaths[i] = SyntheticTenants.exactPath(decade + 2);
            prefixedPaths[i] = SyntheticTenants.prefixedPath(decade + 3 + random.nextInt(7));
        }
        for (int i = 0; i < REQUESTS; i++) {
            requireRoute(hosts[i], exactPaths[i], "route-" + String.format("%06d", indexOf(exactPaths[i])));
            requireRoute(hosts[i], prefixedPaths[i], "route-" + String.format("%06d", indexOf(prefixedPaths[i])));
            requireRoute(hosts[i], SyntheticTenants.regexPath(),
                    String.format("route-%06d", SyntheticTenants.REGEX_ROUTES - 1));
        }
    }

    private static int indexOf(String path) {
        return Integer.parseInt(path.substring(2, path.indexOf('/', 1)));
    }

    private void requireRoute(String host, String path, String expected) {
        String found = config.lookup(host).flatMap(h -> h.resolve(path)).map(CompiledRoute::name).orElse(null);
        if (!expected.equals(found)) {
            throw new IllegalStateException(host + path + " resolved to " + found + ", expected " + expected);
        }
    }

    private int advance() {
        next = (next + 1) & (REQUESTS - 1);
        return next;
    }

    @Benchmark
    public CompiledRoute exactPath() {
        int i = advance();
        return config.lookup(hosts[i]).orElseThrow().resolve(exactPaths[i]).orElseThrow();
    }

    @Benchmark
    public CompiledRoute longestPrefix() {
        int i = advance();
        return config.lookup(hosts[i]).orElseThrow().resolve(prefixedPaths[i]).orElseThrow();
    }

    @Benchmark
    public CompiledRoute regexAfterMisses() {
        int i = advance();
        return config.lookup(hosts[i]).orElseThrow().resolve(SyntheticTenants.regexPath()).orElseThrow();
    }
}
