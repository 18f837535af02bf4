package dev.gatehouse.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The request headers a client could forge to impersonate the gateway or a trusted proxy:
 * <ul>
 *   <li>always: every {@code X-Gatehouse-*} (identity assertion, claim headers) and {@code X-Serverless-Authorization}
 *       (the Google ID token for Cloud Run);</li>
 *   <li>from a peer that is not a trusted proxy: every {@code X-Forwarded-*}, {@code Forwarded} and
 *       {@code X-Real-IP} (the gateway sets its own);</li>
 *   <li>{@code Authorization} only when the gateway itself puts a credential there for the upstream (a bearer token
 *       presented for authentication must survive until authentication has read it).</li>
 * </ul>
 * Names are compared case-insensitively and with {@code _} read as {@code -}, because servers built on CGI-style
 * environments (PHP, WSGI, Rack) fold {@code X_Gatehouse_Claim_Email} into the same variable as the real header.
 */
public final class ForgeableHeaders {
    private static final ForgeableHeaders[] ALL = {
        new ForgeableHeaders(false, false), new ForgeableHeaders(false, true),
        new ForgeableHeaders(true, false), new ForgeableHeaders(true, true)};

    private final boolean trustedPeer;
    private final boolean authorization;

    private ForgeableHeaders(boolean trustedPeer, boolean authorization) {
        this.trustedPeer = trustedPeer;
        this.authorization = authorization;
    }

    /** The headers forgeable by a peer that is ({@code true}) or is not a trusted proxy. */
    public static ForgeableHeaders fromPeer(boolean trustedPeer) {
        return ALL[trustedPeer ? 2 : 0];
    }

    /** The headers forgeable by the request's direct peer. */
    public static ForgeableHeaders fromPeer(HttpServerRequest request, TrustedPeers trustedPeers) {
        return fromPeer(trustedPeers.trusts(request.remoteAddress()));
    }

    /**
     * Strips an inbound request before anything else reads it: the first step of the pipeline. Leaves
     * {@code Authorization} alone (authentication may need it); the proxy removes it where the gateway sets it.
     */
    public static void stripInbound(HttpServerRequest request, TrustedPeers trustedPeers) {
        fromPeer(request, trustedPeers).strip(request.headers());
    }

    /** These rules plus {@code Authorization} when {@code gatewaySetsAuthorization}. */
    public ForgeableHeaders includingAuthorization(boolean gatewaySetsAuthorization) {
        return ALL[(trustedPeer ? 2 : 0) + (authorization || gatewaySetsAuthorization ? 1 : 0)];
    }

    public boolean isForgeable(String name) {
        if (startsFolded(name, "x-gatehouse-") || equalsFolded(name, "x-serverless-authorization")) {
            return true;
        }
        if (!trustedPeer && (startsFolded(name, "x-forwarded-") || equalsFolded(name, "forwarded")
                || equalsFolded(name, "x-real-ip"))) {
            return true;
        }
        return authorization && equalsFolded(name, "authorization");
    }

    /** Removes every forgeable header (all values) from {@code headers}. */
    public void strip(MultiMap headers) {
        List<String> forged = null;
        for (Map.Entry<String, String> header : headers) {
            if (isForgeable(header.getKey())) {
                if (forged == null) {
                    forged = new ArrayList<>(2);
                }
                forged.add(header.getKey());
            }
        }
        if (forged != null) {
            forged.forEach(headers::remove);
        }
    }

    /**
     * Whether {@code name}, ASCII letters lower-cased and {@code _} read as {@code -}, starts with {@code prefix}
     * (lower case). Compared in place: every request's every header name goes through here twice. Header names
     * are ASCII tokens, and no target name holds a letter that a non-ASCII character lower-cases to.
     */
    private static boolean startsFolded(String name, String prefix) {
        if (name.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (fold(name.charAt(i)) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalsFolded(String name, String target) {
        return name.length() == target.length() && startsFolded(name, target);
    }

    private static char fold(char c) {
        return c == '_' ? '-' : c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
