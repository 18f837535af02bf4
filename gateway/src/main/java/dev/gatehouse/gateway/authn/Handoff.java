package dev.gatehouse.gateway.authn;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in session passed from the authenticate hostname to another hostname of the same tenant.
 *
 * @param host      the only hostname that may exchange it
 * @param sessionId the session on the authenticate hostname it stands for (sealed: never readable in the URL)
 * @param returnTo  where the browser goes once it has its session, on {@code host}
 * @param id        single-use id
 */
record Handoff(UUID tenantId, String host, String sessionId, String returnTo, Instant expiresAt, String id) {

    @Override
    public String toString() {
        return "Handoff[tenant=" + tenantId + ", host=" + host + ", expiresAt=" + expiresAt + "]";
    }
}
