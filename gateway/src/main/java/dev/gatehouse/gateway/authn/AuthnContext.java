package dev.gatehouse.gateway.authn;

import java.time.Clock;
import java.util.Optional;

import dev.gatehouse.core.config.Idp;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.gateway.session.SessionLifetimes;
import dev.gatehouse.gateway.session.SessionStore;

/** The parts the sign-in steps share. */
record AuthnContext(
        SessionStore sessions,
        PendingLogins pendingLogins,
        ReplayGuard handoffReplays,
        HandoffCodec handoffs,
        OidcClients clients,
        SessionRefresher refresher,
        SessionLifetimes lifetimes,
        Clock clock) {

    static Optional<Idp> idp(TenantConfig tenant, String name) {
        if (name == null) {
            return Optional.empty();
        }
        return tenant.idps().stream().filter(idp -> idp.name().equals(name)).findFirst();
    }
}
