package dev.gatehouse.gateway.authn;

import java.time.Clock;
import java.util.Objects;

import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.gateway.session.InMemorySessionStore;
import dev.gatehouse.gateway.session.SessionLifetimes;
import dev.gatehouse.gateway.session.SessionStore;

/**
 * What authentication needs.
 *
 * @param secrets        opens the IdPs' sealed client secrets (the master key's SecretBox)
 * @param handoffKey     32 bytes that seal handoffs, the same on every node: {@link HandoffKey#derive(byte[])} of the
 *                       master key
 * @param handoffReplays remembers used handoffs
 */
public record AuthenticationOptions(
        SessionStore sessions,
        PendingLogins pendingLogins,
        ReplayGuard handoffReplays,
        SecretBox secrets,
        byte[] handoffKey,
        SessionLifetimes lifetimes,
        Clock clock) {

    public AuthenticationOptions {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(pendingLogins, "pendingLogins");
        Objects.requireNonNull(handoffReplays, "handoffReplays");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(lifetimes, "lifetimes");
        Objects.requireNonNull(clock, "clock");
        if (handoffKey == null || handoffKey.length != 32) {
            throw new IllegalArgumentException("the handoff key must be 32 bytes");
        }
        handoffKey = handoffKey.clone();
    }

    /** A single node's options: in-memory stores, keys from the master key. */
    public static AuthenticationOptions inMemory(byte[] masterKey, SessionLifetimes lifetimes, Clock clock) {
        return new AuthenticationOptions(
                new InMemorySessionStore(clock, lifetimes),
                new InMemoryPendingLogins(clock, InMemoryPendingLogins.DEFAULT_CAPACITY),
                new InMemoryReplayGuard(clock),
                new SecretBox(masterKey),
                HandoffKey.derive(masterKey),
                lifetimes,
                clock);
    }

    @Override
    public byte[] handoffKey() {
        return handoffKey.clone();
    }

    @Override
    public String toString() {
        return "AuthenticationOptions[sessions=" + sessions.getClass().getSimpleName() + ", lifetimes=" + lifetimes + "]";
    }
}
