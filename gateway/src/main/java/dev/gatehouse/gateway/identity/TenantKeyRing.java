package dev.gatehouse.gateway.identity;

import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.store.SigningKey;
import dev.gatehouse.core.store.SigningKeyMaterial;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One tenant's signing keys in memory, immutable: the active key (private key opened once, here) and the JWKS
 * documents for the published keys. Retired keys leave the JWKS by time alone: the documents for every moment a
 * retired key expires are rendered up front, so no reload is needed for pruning and serving the JWKS allocates
 * nothing.
 */
public final class TenantKeyRing {
    private final UUID tenantId;
    private final String activeKid;
    private final ECPrivateKey activeKey;
    private final String encodedHeader;
    private final List<JwksDocument> documents;

    private TenantKeyRing(UUID tenantId, SigningKey active, ECPrivateKey activeKey, List<JwksDocument> documents) {
        this.tenantId = tenantId;
        this.activeKid = active.kid();
        this.activeKey = activeKey;
        this.encodedHeader = Base64.getUrlEncoder().withoutPadding().encodeToString(new JsonObject()
                .put("alg", SigningKey.ALGORITHM).put("kid", activeKid).put("typ", "JWT")
                .encode().getBytes(StandardCharsets.UTF_8));
        this.documents = documents;
    }

    /**
     * Builds the ring from the tenant's published keys (exactly one active), checking every public key against
     * its kid and opening the active private key.
     *
     * @throws IllegalArgumentException when the keys are not one tenant's, not exactly one is active, or a key is
     *     malformed
     * @throws dev.gatehouse.core.crypto.SecretBoxException when the private key does not open with {@code secrets}
     */
    public static TenantKeyRing of(UUID tenantId, List<SigningKey> published, SecretBox secrets) {
        Objects.requireNonNull(tenantId, "tenantId");
        List<SigningKey> active = new ArrayList<>();
        List<SigningKey> retired = new ArrayList<>();
        for (SigningKey key : published) {
            if (!key.tenantId().equals(tenantId)) {
                throw new IllegalArgumentException("signing key " + key.kid() + " belongs to another tenant");
            }
            SigningKeyMaterial.publicKey(key);
            (key.active() ? active : retired).add(key);
        }
        if (active.size() != 1) {
            throw new IllegalArgumentException("tenant " + tenantId + " has " + active.size() + " active signing keys");
        }
        ECPrivateKey privateKey = SigningKeyMaterial.privateKey(active.get(0), secrets);
        return new TenantKeyRing(tenantId, active.get(0), privateKey, documents(active.get(0), retired));
    }

    /**
     * Document i holds the active key and the retired keys still published after the i-th one leaves, most
     * recently retired first.
     */
    private static List<JwksDocument> documents(SigningKey active, List<SigningKey> retired) {
        List<SigningKey> byExpiry = new ArrayList<>(retired);
        byExpiry.sort(Comparator.comparing(SigningKey::publishedUntil).thenComparing(SigningKey::kid));
        List<JwksDocument> documents = new ArrayList<>();
        for (int leaving = 0; leaving <= byExpiry.size(); leaving++) {
            List<SigningKey> keys = new ArrayList<>();
            keys.add(active);
            List<SigningKey> remaining = new ArrayList<>(byExpiry.subList(leaving, byExpiry.size()));
            Collections.reverse(remaining);
            keys.addAll(remaining);
            Instant validUntil = leaving < byExpiry.size() ? byExpiry.get(leaving).publishedUntil() : null;
            documents.add(JwksDocument.render(keys, validUntil));
        }
        return List.copyOf(documents);
    }

    public UUID tenantId() {
        return tenantId;
    }

    /** The kid that assertions are signed with now. */
    public String activeKid() {
        return activeKid;
    }

    /** The tenant's JWKS at {@code now}: the active key and the retired keys still published. */
    public JwksDocument jwks(Instant now) {
        for (JwksDocument document : documents) {
            if (document.validAt(now)) {
                return document;
            }
        }
        throw new IllegalStateException("the last JWKS document is valid forever");
    }

    ECPrivateKey activeKey() {
        return activeKey;
    }

    /** base64url of the JWS header {"alg":"ES256","kid":…,"typ":"JWT"}. */
    String encodedHeader() {
        return encodedHeader;
    }

    @Override
    public String toString() {
        return "TenantKeyRing[tenantId=" + tenantId + ", activeKid=" + activeKid + "]";
    }
}
