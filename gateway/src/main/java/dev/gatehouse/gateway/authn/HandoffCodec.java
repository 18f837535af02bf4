package dev.gatehouse.gateway.authn;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.crypto.SecretBoxException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Turns handoffs into URL-safe tokens and back. A token is sealed with AES-GCM under the handoff key: it cannot be
 * read or altered, and its associated data binds it to its tenant and target hostname, so it opens nowhere else.
 */
final class HandoffCodec {

    private static final int MAX_TOKEN_CHARS = 8192;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretBox box;

    HandoffCodec(byte[] handoffKey) {
        this.box = new SecretBox(handoffKey);
    }

    String seal(Handoff handoff) {
        JsonObject json = new JsonObject()
                .put("t", handoff.tenantId().toString())
                .put("h", handoff.host())
                .put("s", handoff.sessionId())
                .put("r", handoff.returnTo())
                .put("e", handoff.expiresAt().getEpochSecond())
                .put("j", handoff.id());
        return ENCODER.encodeToString(box.seal(json.encode(), associatedData(handoff.tenantId(), handoff.host())));
    }

    /** The handoff, if the token was sealed by this gateway for this tenant and hostname (expiry not checked). */
    Optional<Handoff> open(String token, UUID tenantId, String host) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        JsonObject json;
        try {
            json = new JsonObject(box.open(DECODER.decode(token), associatedData(tenantId, host)));
        } catch (SecretBoxException | IllegalArgumentException | DecodeException e) {
            return Optional.empty();
        }
        Object expiry = json.getValue("e");
        String sealedTenant = json.getValue("t") instanceof String t ? t : null;
        String sealedHost = json.getValue("h") instanceof String h ? h : null;
        String sessionId = json.getValue("s") instanceof String sid ? sid : null;
        String returnTo = json.getValue("r") instanceof String r ? r : null;
        String id = json.getValue("j") instanceof String j ? j : null;
        if (!(expiry instanceof Number seconds) || sessionId == null || returnTo == null || id == null
                || !tenantId.toString().equals(sealedTenant) || !host.equals(sealedHost)) {
            return Optional.empty();
        }
        return Optional.of(new Handoff(tenantId, host, sessionId, returnTo,
                Instant.ofEpochSecond(seconds.longValue()), id));
    }

    private static String associatedData(UUID tenantId, String host) {
        return "gatehouse-handoff:v1:" + tenantId + ":" + host;
    }
}
