package dev.gatehouse.testkit.google;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A fake Cloud Run service: {@code url} is the {@code https://…run.app} URL it claims (its default audience);
 * {@code customAudiences} are the extra audiences it accepts; {@code invokers} are the emails holding
 * {@code roles/run.invoker}; {@code allowUnauthenticated} is {@code allUsers} holding it (no token is checked then).
 */
public record CloudRunOptions(String url, Set<String> customAudiences, Set<String> invokers,
        boolean allowUnauthenticated) {

    public CloudRunOptions {
        customAudiences = Set.copyOf(customAudiences);
        invokers = Set.copyOf(invokers);
    }

    /** A private service that only the given emails may invoke. */
    public static CloudRunOptions privateService(String url, String... invokers) {
        return new CloudRunOptions(url, Set.of(), Set.of(invokers), false);
    }

    /** A service that grants {@code roles/run.invoker} to {@code allUsers}. */
    public static CloudRunOptions publicService(String url) {
        return new CloudRunOptions(url, Set.of(), Set.of(), true);
    }

    public CloudRunOptions withCustomAudience(String audience) {
        Set<String> audiences = new LinkedHashSet<>(customAudiences);
        audiences.add(audience);
        return new CloudRunOptions(url, audiences, invokers, allowUnauthenticated);
    }

    /** The audiences a token may carry: the URL (with or without a trailing slash) and the custom ones. */
    List<String> acceptedAudiences() {
        Set<String> accepted = new LinkedHashSet<>();
        accepted.add(url);
        accepted.add(url.endsWith("/") ? url.substring(0, url.length() - 1) : url + "/");
        accepted.addAll(customAudiences);
        return List.copyOf(accepted);
    }
}
