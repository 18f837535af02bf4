package dev.gatehouse.gateway.authn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class HandoffCodecTest {

    private static final byte[] MASTER = "0123456789abcdef0123456789abcdef".getBytes();
    private final UUID tenant = UUID.randomUUID();
    private final HandoffCodec codec = new HandoffCodec(HandoffKey.derive(MASTER));
    private final Handoff handoff = new Handoff(tenant, "docs.acme.test", "session-id", "http://docs.acme.test/x",
            Instant.ofEpochSecond(1_900_000_000L), "handoff-id");

    @Test
    void opensOnlyForItsTenantAndHostname() {
        String token = codec.seal(handoff);

        assertThat(codec.open(token, tenant, "docs.acme.test")).contains(handoff);
        assertThat(codec.open(token, tenant, "wiki.acme.test")).isEmpty();
        assertThat(codec.open(token, UUID.randomUUID(), "docs.acme.test")).isEmpty();
    }

    @Test
    void neverShowsTheSessionIdAndRefusesAlteredOrForeignTokens() {
        String token = codec.seal(handoff);
        HandoffCodec otherGateway = new HandoffCodec(HandoffKey.derive("fedcba9876543210fedcba9876543210".getBytes()));

        assertThat(token).doesNotContain("session-id");
        assertThat(otherGateway.open(token, tenant, "docs.acme.test")).isEmpty();
        String altered = token.substring(0, 10) + (token.charAt(10) == 'x' ? 'y' : 'x') + token.substring(11);
        assertThat(codec.open(altered, tenant, "docs.acme.test")).isEmpty();
        assertThat(codec.open("not base64 !", tenant, "docs.acme.test")).isEmpty();
        assertThat(codec.open("", tenant, "docs.acme.test")).isEmpty();
        assertThat(codec.open(null, tenant, "docs.acme.test")).isEmpty();
    }

    @Test
    void theHandoffKeyIsStablePerMasterKeyAndNotTheMasterKey() {
        assertThat(HandoffKey.derive(MASTER)).hasSize(32).isEqualTo(HandoffKey.derive(MASTER)).isNotEqualTo(MASTER);
        assertThat(HandoffKey.derive(MASTER)).isNotEqualTo(HandoffKey.derive("fedcba9876543210fedcba9876543210".getBytes()));
        assertThatThrownBy(() -> HandoffKey.derive(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
