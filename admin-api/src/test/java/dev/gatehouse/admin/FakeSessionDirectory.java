package dev.gatehouse.admin;

import dev.gatehouse.core.session.SessionDirectory;
import dev.gatehouse.core.session.SignIn;
import dev.gatehouse.core.session.SignInHandle;
import dev.gatehouse.core.session.SignInPages;
import dev.gatehouse.core.store.Page;
import dev.gatehouse.core.store.PageRequest;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Sign-ins held in memory per tenant, as a gateway node would hold them; tests add them directly. */
final class FakeSessionDirectory implements SessionDirectory {
  private final Map<UUID, Map<String, SignIn>> byTenant = new ConcurrentHashMap<>();

  /** Adds a sign-in of {@code loginId} (a secret the API must never show) and returns it. */
  SignIn signIn(UUID tenantId, String loginId, String sub, String email, Instant at, String... hostnames) {
    SignIn signIn = new SignIn(SignInHandle.of(loginId), "corp", sub, email, sub.toUpperCase(), List.of("staff"),
        at, at.plusSeconds(60), at.plusSeconds(86_400), List.of(hostnames), hostnames.length);
    tenant(tenantId).put(signIn.handle(), signIn);
    return signIn;
  }

  List<SignIn> of(UUID tenantId) {
    return List.copyOf(tenant(tenantId).values());
  }

  @Override
  public Future<Page<SignIn>> list(UUID tenantId, Optional<String> user, PageRequest page) {
    List<SignIn> matching = tenant(tenantId).values().stream()
        .filter(s -> user.isEmpty() || s.belongsTo(user.get()))
        .toList();
    return Future.succeededFuture(SignInPages.page(matching, page));
  }

  @Override
  public Future<Optional<SignIn>> find(UUID tenantId, String handle) {
    return Future.succeededFuture(Optional.ofNullable(tenant(tenantId).get(handle)));
  }

  @Override
  public Future<Optional<SignIn>> revoke(UUID tenantId, String handle) {
    return Future.succeededFuture(Optional.ofNullable(tenant(tenantId).remove(handle)));
  }

  @Override
  public Future<List<SignIn>> revokeUser(UUID tenantId, String user) {
    List<SignIn> ended = new ArrayList<>();
    tenant(tenantId).values().removeIf(s -> s.belongsTo(user) && ended.add(s));
    return Future.succeededFuture(ended);
  }

  private Map<String, SignIn> tenant(UUID tenantId) {
    return byTenant.computeIfAbsent(tenantId, id -> new ConcurrentHashMap<>());
  }
}
