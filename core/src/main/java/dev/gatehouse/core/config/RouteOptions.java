package dev.gatehouse.core.config;

/** The boolean switches of a route (all default false). */
public record RouteOptions(
    boolean passIdentityHeaders,
    boolean allowPublicUnauthenticatedAccess,
    boolean allowAnyAuthenticatedUser,
    boolean corsAllowPreflight,
    boolean allowWebsockets) {
  public static final RouteOptions NONE = new RouteOptions(false, false, false, false, false);
}
