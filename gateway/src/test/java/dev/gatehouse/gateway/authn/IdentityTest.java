package dev.gatehouse.gateway.authn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.gateway.session.Session;
import dev.gatehouse.gateway.session.SessionTokens;
import dev.gatehouse.gateway.session.SessionUser;
import org.junit.jupiter.api.Test;

class IdentityTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final Session session = new Session(Session.newId(), Session.newId(), null, UUID.randomUUID(), "corp",
            new SessionUser("alice", "alice@example.com", List.of("eng", "ops"),
                    Map.of("hd", "example.com", "roles", List.of("admin"))),
            SessionTokens.NONE, NOW, NOW, NOW.plusSeconds(3600));

    @Test
    void requestsOfOneSessionShareOnePrincipal() {
        Principal first = SessionAuthenticator.identity(session).principal();
        Principal second = SessionAuthenticator.identity(session.seenAt(NOW.plusSeconds(60))).principal();

        assertThat(second).isSameAs(first);
    }

    @Test
    void principalCarriesTheSessionUserAsThePolicySeesIt() {
        Principal principal = SessionAuthenticator.identity(session).principal();

        assertThat(principal).isEqualTo(new Principal("alice", "alice@example.com", List.of("eng", "ops"),
                Map.of("hd", "example.com", "roles", List.of("admin"))));
    }

    @Test
    void refreshedUserGetsItsOwnPrincipal() {
        Session refreshed = session.withIdentity(
                new SessionUser("alice", "alice@example.com", List.of("eng"), Map.of()), SessionTokens.NONE);

        Principal principal = SessionAuthenticator.identity(refreshed).principal();

        assertThat(principal.groups()).containsExactly("eng");
        assertThat(principal).isNotSameAs(SessionAuthenticator.identity(session).principal());
    }

    @Test
    void principalCannotBeChangedThroughTheCallersClaims() {
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("hd", "example.com"));
        SessionUser user = new SessionUser("bob", null, null, claims);

        claims.put("hd", "evil.example");

        assertThat(user.principal().claims()).containsExactly(Map.entry("hd", "example.com"));
        assertThat(user.principal().groups()).isEmpty();
    }

    @Test
    void usersWithTheSameContentAreEqual() {
        SessionUser one = new SessionUser("carol", null, List.of("a"), Map.of("k", 1));
        SessionUser two = new SessionUser("carol", null, List.of("a"), Map.of("k", 1));

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one).isNotEqualTo(new SessionUser("carol", "c@example.com", List.of("a"), Map.of("k", 1)));
    }
}
