package dev.gatehouse.gateway.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routes of one hostname, indexed for {@link #resolve}. Immutable and thread-safe.
 *
 * <p>Order: an exact {@code path} match first, then the longest matching {@code prefix}, then the {@code regex}
 * routes in the order given to {@link #of} (the tenant's routes in name order, byte-wise), the first that matches.
 * Among routes with the same path or the same prefix the first given wins.
 *
 * <p>Matching is on the path exactly as given: case-sensitive, no percent-decoding, no dot-segment removal,
 * no slash merging. A {@code path} matches only the identical path ({@code /a} is not {@code /a/}); a
 * {@code prefix} is a plain string prefix as in Pomerium and Envoy ({@code /api} also matches {@code /apix};
 * write {@code /api/} for a segment boundary, which in turn does not match {@code /api}); a {@code regex} must
 * match the whole path ({@link java.util.regex.Matcher#matches()}). The caller passes the path without the query
 * string, and it should be the same path it authorizes and forwards (normalize it first, if at all, and forward
 * the normalized form, so the route matched is the resource the upstream serves).
 *
 * <p>Cost: exact matches are one hash lookup, prefixes one walk along the path (see {@link PrefixTrie}); neither
 * depends on the number of routes. Regex routes are tried one after another.
 */
public final class RouteTable {
    public static final RouteTable EMPTY = of(List.of());

    private final List<CompiledRoute> routes;
    private final Map<String, CompiledRoute> exact;
    private final PrefixTrie prefixes;
    private final CompiledRoute[] regexes;

    private RouteTable(List<CompiledRoute> routes, Map<String, CompiledRoute> exact, PrefixTrie prefixes,
            CompiledRoute[] regexes) {
        this.routes = routes;
        this.exact = exact;
        this.prefixes = prefixes;
        this.regexes = regexes;
    }

    /** A table of {@code routes}, given in precedence order (see the class comment). */
    public static RouteTable of(List<CompiledRoute> routes) {
        Map<String, CompiledRoute> exact = new HashMap<>();
        PrefixTrie.Builder prefixes = PrefixTrie.builder();
        List<CompiledRoute> regexes = new ArrayList<>();
        for (CompiledRoute route : routes) {
            String value = route.route().match().value();
            switch (route.route().match().kind()) {
                case PATH -> exact.putIfAbsent(value, route);
                case PREFIX -> prefixes.add(value, route);
                case REGEX -> regexes.add(route);
            }
        }
        return new RouteTable(List.copyOf(routes), Map.copyOf(exact), prefixes.build(),
                regexes.toArray(new CompiledRoute[0]));
    }

    /** The route for {@code path} (without query string), or empty when no route matches. */
    public Optional<CompiledRoute> resolve(String path) {
        String p = path == null ? "" : path;
        CompiledRoute route = exact.get(p);
        if (route == null) {
            route = prefixes.longestPrefixOf(p);
        }
        if (route == null) {
            for (CompiledRoute candidate : regexes) {
                if (candidate.regex().matcher(p).matches()) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.ofNullable(route);
    }

    /** Every route of the table, in the order given. */
    public List<CompiledRoute> routes() {
        return routes;
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }
}
