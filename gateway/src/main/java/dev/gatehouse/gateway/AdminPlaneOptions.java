package dev.gatehouse.gateway;

import io.vertx.sqlclient.Pool;
import java.time.Clock;

/** What the admin plane needs from the runtime. */
record AdminPlaneOptions(Pool pool, String operatorToken, byte[] masterKey, Clock clock) {
    @Override
    public String toString() {
        return "AdminPlaneOptions[secrets redacted]";
    }
}
