package dev.gatehouse.gateway.session;

import static java.util.stream.Collectors.groupingBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.gatehouse.core.session.SessionDirectory;
import dev.gatehouse.core.session.SignIn;
import dev.gatehouse.core.session.SignInHandle;
import dev.gatehouse.core.session.SignInPages;
import dev.gatehouse.core.store.Page;
import dev.gatehouse.core.store.PageRequest;
import io.vertx.core.Future;

/**
 * The admin API's view of a {@link SessionStore}: a tenant's sessions grouped by login into sign-ins, and ending a
 * sign-in with {@link SessionStore#removeLogin}. Each call walks the tenant's sessions once
 * ({@link SessionStore#listTenant}); the request path never comes here.
 */
public final class StoreSessionDirectory implements SessionDirectory {

    private final SessionStore sessions;

    public StoreSessionDirectory(SessionStore sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Future<Page<SignIn>> list(UUID tenantId, Optional<String> user, PageRequest page) {
        return logins(tenantId).map(logins -> SignInPages.page(logins.values().stream()
                .map(Login::signIn)
                .filter(signIn -> user.isEmpty() || signIn.belongsTo(user.get()))
                .toList(), page));
    }

    @Override
    public Future<Optional<SignIn>> find(UUID tenantId, String handle) {
        return logins(tenantId).map(logins -> Optional.ofNullable(logins.get(handle)).map(Login::signIn));
    }

    @Override
    public Future<Optional<SignIn>> revoke(UUID tenantId, String handle) {
        return logins(tenantId).compose(logins -> {
            Login login = logins.get(handle);
            return login == null
                    ? Future.succeededFuture(Optional.empty())
                    : end(tenantId, login).map(Optional::of);
        });
    }

    @Override
    public Future<List<SignIn>> revokeUser(UUID tenantId, String user) {
        return logins(tenantId).compose(logins -> {
            List<SignIn> ended = new ArrayList<>();
            Future<Void> ending = Future.succeededFuture();
            for (Login login : logins.values()) {
                if (login.signIn().belongsTo(user)) {
                    ending = ending.compose(v -> end(tenantId, login).map(signIn -> {
                        ended.add(signIn);
                        return null;
                    }));
                }
            }
            return ending.map(v -> List.copyOf(ended));
        });
    }

    private Future<SignIn> end(UUID tenantId, Login login) {
        return sessions.removeLogin(tenantId, login.loginId()).map(removed -> login.signIn());
    }

    /** The tenant's live sign-ins by handle, each with its login id (which stays in here). */
    private Future<Map<String, Login>> logins(UUID tenantId) {
        return sessions.listTenant(tenantId).map(live -> {
            Map<String, Login> byHandle = new HashMap<>();
            live.stream().collect(groupingBy(Session::loginId)).forEach((loginId, group) -> {
                SignIn signIn = signIn(loginId, group);
                byHandle.put(signIn.handle(), new Login(loginId, signIn));
            });
            return byHandle;
        });
    }

    /**
     * One login's sessions as a sign-in. The identity is the primary session's (it refreshes first; handed-off
     * sessions copy it later), or the most recently seen session's when the primary has ended.
     */
    static SignIn signIn(String loginId, List<Session> group) {
        Session identity = group.stream().filter(Session::isPrimary).findFirst()
                .orElseGet(() -> group.stream().max(Comparator.comparing(Session::lastSeenAt)).orElseThrow());
        SessionUser user = identity.user();
        Instant createdAt = group.stream().map(Session::createdAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant lastSeenAt = group.stream().map(Session::lastSeenAt).max(Comparator.naturalOrder()).orElseThrow();
        Instant expiresAt = group.stream().map(Session::expiresAt).max(Comparator.naturalOrder()).orElseThrow();
        List<String> hostnames = group.stream().map(Session::hostname).filter(Objects::nonNull).toList();
        Object name = user.claims().get("name");
        return new SignIn(SignInHandle.of(loginId), identity.idpName(), user.sub(), user.email(),
                name instanceof String text ? text : null, user.groups(), createdAt, lastSeenAt, expiresAt,
                hostnames, group.size());
    }

    /** A sign-in and its login id; never logged or returned. */
    private record Login(String loginId, SignIn signIn) {
        @Override
        public String toString() {
            return "Login[" + signIn.handle() + "]";
        }
    }
}
