package dev.gatehouse.core.store;

import dev.gatehouse.testkit.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.crypto.SecretBox;
import dev.gatehouse.core.crypto.SecretBoxException;
import dev.gatehouse.testkit.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SigningKeyStoreTest {
  private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

  private final MutableClock clock = new MutableClock(START);
  private final SecretBox secrets = new SecretBox(randomKey());
  private final List<Pool> extraPools = new ArrayList<>();
  private final BlockingQueue<ConfigChange> events = new LinkedBlockingQueue<>();
  private PgConnectOptions options;
  private Vertx vertx;
  private Pool pool;
  private ConfigStore store;
  private SigningKeyStore keys;
  private ConfigChanges listener;

  @BeforeEach
  void start() throws Exception {
    options = TestDatabase.connectOptions(TestDatabase.fresh());
    vertx = Vertx.vertx();
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(options).using(vertx).build();
    store = new ConfigStore(pool, clock);
    keys = new SigningKeyStore(store, secrets);
    listener = await(ConfigChanges.listen(vertx, options, events::add));
  }

  @AfterEach
  void stop() throws Exception {
    await(listener.close());
    for (Pool extra : extraPools) {
      await(extra.close());
    }
    await(pool.close());
    await(vertx.close());
  }

  @Test
  void firstAskCreatesTheActiveKeyLaterAsksGetTheSameOne() throws Exception {
    Tenant acme = createTenant("acme");
    assertThat(rows("SELECT count(*) FROM signing_keys").get(0).getLong(0)).isZero();

    SigningKey first = await(keys.ensureActive(acme.id()));
    SigningKey again = await(keys.ensureActive(acme.id()));

    assertThat(again).isEqualTo(first);
    assertThat(first.active()).isTrue();
    assertThat(first.state()).isEqualTo("active");
    assertThat(first.createdAt()).isEqualTo(START);
    assertThat(first.publicJwk().fieldNames()).containsExactlyInAnyOrder("kty", "crv", "x", "y");
    assertThat(first.kid()).isEqualTo(SigningKeyMaterial.thumbprint(first.publicJwk())).hasSize(43);
    assertThat(await(keys.ensurePublished(acme.id()))).containsExactly(first);
    Row row = rows("SELECT state, algorithm, retired_at FROM signing_keys WHERE kid = $1", first.kid()).get(0);
    assertThat(row.getString(0)).isEqualTo("active");
    assertThat(row.getString(1)).isEqualTo("ES256");
    assertThat(row.getValue(2)).isNull();
    // Creating the first key on demand is not a configuration change.
    assertThat(rows("SELECT config_version FROM tenants").get(0).getLong(0)).isEqualTo(1);
  }

  @Test
  void concurrentFirstAsksFromSeveralConnectionsAgreeOnOneKey() throws Exception {
    List<Tenant> tenants = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      tenants.add(createTenant("t" + i));
    }
    List<SigningKeyStore> nodes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Pool single = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(options).using(vertx).build();
      extraPools.add(single);
      await(single.query("SELECT 1").execute());
      nodes.add(new SigningKeyStore(new ConfigStore(single, clock), secrets));
    }
    for (Tenant tenant : tenants) {
      List<Future<SigningKey>> asks = new ArrayList<>();
      nodes.forEach(node -> asks.add(node.ensureActive(tenant.id())));
      await(Future.all(asks));
      Set<String> kids = new HashSet<>();
      asks.forEach(ask -> kids.add(ask.result().kid()));
      assertThat(kids).as(tenant.slug()).hasSize(1);
      assertThat(rows("SELECT count(*) FROM signing_keys WHERE tenant_id = $1", tenant.id()).get(0).getLong(0))
          .isEqualTo(1);
    }
  }

  @Test
  void privateKeyIsSealedBoundToTenantAndKidAndMatchesThePublicKey() throws Exception {
    Tenant acme = createTenant("acme");
    Tenant beta = createTenant("beta");
    SigningKey key = await(keys.ensureActive(acme.id()));
    byte[] stored = rows("SELECT private_key_sealed FROM signing_keys WHERE kid = $1", key.kid()).get(0)
        .getBuffer(0).getBytes();

    ECPrivateKey privateKey = SigningKeyMaterial.privateKey(key, secrets);
    byte[] pkcs8 = privateKey.getEncoded();
    byte[] scalar = privateKey.getS().toByteArray();
    assertThat(indexOf(stored, pkcs8)).isNegative();
    assertThat(indexOf(stored, Base64.getEncoder().encode(pkcs8))).isNegative();
    assertThat(indexOf(stored, java.util.Arrays.copyOfRange(scalar, scalar.length - 16, scalar.length))).isNegative();
    String everything = rows("SELECT row_to_json(k)::text FROM signing_keys k").get(0).getString(0);
    assertThat(everything).doesNotContain(Base64.getEncoder().encodeToString(pkcs8))
        .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(scalar));

    byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(privateKey);
    signer.update(message);
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(SigningKeyMaterial.publicKey(key));
    verifier.update(message);
    assertThat(verifier.verify(signer.sign())).isTrue();

    SigningKey movedToBeta = new SigningKey(beta.id(), key.kid(), key.publicJwk(), stored, key.createdAt(), null);
    assertThatThrownBy(() -> SigningKeyMaterial.privateKey(movedToBeta, secrets))
        .isInstanceOf(SecretBoxException.class);
    assertThatThrownBy(() -> SigningKeyMaterial.privateKey(key, new SecretBox(randomKey())))
        .isInstanceOf(SecretBoxException.class);
  }

  @Test
  void publicJwkThatDoesNotMatchTheKidIsRefused() throws Exception {
    Tenant acme = createTenant("acme");
    SigningKey key = await(keys.ensureActive(acme.id()));
    SigningKey other = await(keys.rotate(acme.id(), "operator")).active();
    SigningKey swapped = new SigningKey(acme.id(), key.kid(), other.publicJwk(), key.privateKeySealed(),
        key.createdAt(), null);
    assertThatThrownBy(() -> SigningKeyMaterial.publicKey(swapped))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    JsonObject offCurve = key.publicJwk().put("y", key.publicJwk().getString("x"));
    SigningKey bent = new SigningKey(acme.id(), SigningKeyMaterial.thumbprint(offCurve), offCurve,
        key.privateKeySealed(), key.createdAt(), null);
    assertThatThrownBy(() -> SigningKeyMaterial.publicKey(bent))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid public JWK");
  }

  @Test
  void rotationRetiresTheActiveKeyAndIsAnAuditedNotifiedChange() throws Exception {
    Tenant acme = createTenant("acme");
    assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", 1));
    SigningKey old = await(keys.ensureActive(acme.id()));
    clock.advance(Duration.ofHours(1));

    SigningKeyStore.Rotation rotation = await(keys.rotate(acme.id(), "key:ghk_abcdefgh"));

    assertThat(rotation.retired()).hasValueSatisfying(r -> {
      assertThat(r.kid()).isEqualTo(old.kid());
      assertThat(r.state()).isEqualTo("retired");
      assertThat(r.retiredAt()).isEqualTo(START.plus(Duration.ofHours(1)));
      assertThat(r.publishedUntil()).isEqualTo(r.retiredAt().plus(Duration.ofMinutes(6)));
    });
    assertThat(rotation.active().kid()).isNotEqualTo(old.kid());
    assertThat(await(keys.ensureActive(acme.id()))).isEqualTo(rotation.active());
    assertThat(events.poll(30, TimeUnit.SECONDS)).isEqualTo(new ConfigChange("acme", 2));
    var audit = await(store.read(c -> AuditRows.list(c, acme.id(), PageRequest.first(1)))).items().get(0);
    assertThat(audit.action()).isEqualTo("rotate");
    assertThat(audit.resourceType()).isEqualTo("signing_key");
    assertThat(audit.resourceName()).isEqualTo(rotation.active().kid());
    assertThat(audit.actor()).isEqualTo("key:ghk_abcdefgh");
    assertThat(audit.before().getString("kid")).isEqualTo(old.kid());
    assertThat(audit.before().getString("state")).isEqualTo("retired");
    assertThat(audit.after().fieldNames()).containsExactlyInAnyOrder("kid", "state", "created_at", "retired_at");
  }

  @Test
  void retiredKeyIsPublishedForTheAssertionLifetimePlusSkewThenDeletedByTheNextRotation() throws Exception {
    Tenant acme = createTenant("acme");
    SigningKey first = await(keys.ensureActive(acme.id()));
    SigningKey second = await(keys.rotate(acme.id(), "operator")).active();

    clock.advance(SigningKey.PUBLISHED_AFTER_RETIREMENT.minusNanos(1000));
    assertThat(await(keys.ensurePublished(acme.id()))).extracting(SigningKey::kid)
        .containsExactly(second.kid(), first.kid());
    clock.advance(Duration.ofNanos(1000));
    assertThat(await(keys.ensurePublished(acme.id()))).extracting(SigningKey::kid).containsExactly(second.kid());
    assertThat(await(keys.list(acme.id(), PageRequest.first(10))).items()).hasSize(2);

    SigningKey third = await(keys.rotate(acme.id(), "operator")).active();
    assertThat(await(keys.list(acme.id(), PageRequest.first(10))).items()).extracting(SigningKey::kid)
        .containsExactly(third.kid(), second.kid());
  }

  @Test
  void concurrentRotationsRunOneAfterTheOther() throws Exception {
    Tenant acme = createTenant("acme");
    await(keys.ensureActive(acme.id()));
    List<Future<SigningKeyStore.Rotation>> rotations = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rotations.add(keys.rotate(acme.id(), "operator"));
    }
    await(Future.all(rotations));
    assertThat(rows("SELECT state, count(*) FROM signing_keys GROUP BY state ORDER BY state"))
        .extracting(r -> r.getString(0) + "=" + r.getLong(1)).containsExactly("active=1", "retired=4");
  }

  @Test
  void theDatabaseAllowsOneActiveKeyPerTenant() throws Exception {
    Tenant acme = createTenant("acme");
    await(keys.ensureActive(acme.id()));
    var extra = SigningKeyMaterial.generate(acme.id(), secrets);
    assertThatThrownBy(() -> await(store.read(c -> SigningKeyRows.insertActive(c, acme.id(), extra, START))))
        .rootCause().isInstanceOfSatisfying(StoreConflict.class, e -> {
          assertThat(e.kind()).isEqualTo(StoreConflict.Kind.UNIQUE);
          assertThat(e.constraint()).isEqualTo("signing_keys_one_active_idx");
        });
    assertThatThrownBy(() -> rows("UPDATE signing_keys SET retired_at = now()"))
        .hasMessageContaining("signing_keys_retired_at_check");
    assertThat(rows("SELECT count(*) FROM signing_keys").get(0).getLong(0)).isEqualTo(1);
  }

  @Test
  void deletingTheTenantDeletesItsKeys() throws Exception {
    Tenant acme = createTenant("acme");
    Tenant beta = createTenant("beta");
    await(keys.ensureActive(acme.id()));
    await(keys.rotate(acme.id(), "operator"));
    SigningKey betaKey = await(keys.ensureActive(beta.id()));

    await(store.deleteTenant(acme.id(), c -> Future.succeededFuture()));

    assertThat(rows("SELECT kid FROM signing_keys")).extracting(r -> r.getString(0)).containsExactly(betaKey.kid());
    assertThatThrownBy(() -> await(keys.ensureActive(acme.id()))).rootCause().isInstanceOf(TenantGone.class);
    assertThatThrownBy(() -> await(keys.rotate(acme.id(), "operator"))).rootCause().isInstanceOf(TenantGone.class);
    assertThat(rows("SELECT kid FROM signing_keys")).hasSize(1);
  }

  @Test
  void publishedKeysOfEveryTenantInOneRead() throws Exception {
    Tenant acme = createTenant("acme");
    Tenant beta = createTenant("beta");
    createTenant("gamma");
    SigningKey acmeOld = await(keys.ensureActive(acme.id()));
    SigningKey acmeNew = await(keys.rotate(acme.id(), "operator")).active();
    SigningKey betaKey = await(keys.ensureActive(beta.id()));

    Map<UUID, List<SigningKey>> all = await(keys.publishedEveryTenant());

    assertThat(all).containsOnlyKeys(acme.id(), beta.id());
    assertThat(all.get(acme.id())).extracting(SigningKey::kid).containsExactlyInAnyOrder(acmeNew.kid(), acmeOld.kid());
    assertThat(all.get(beta.id())).containsExactly(betaKey);
  }

  @Test
  void listPagesNewestFirst() throws Exception {
    Tenant acme = createTenant("acme");
    List<String> created = new ArrayList<>();
    created.add(await(keys.ensureActive(acme.id())).kid());
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofSeconds(1));
      created.add(0, await(keys.rotate(acme.id(), "operator")).active().kid());
    }
    List<String> paged = new ArrayList<>();
    PageRequest page = PageRequest.first(3);
    while (true) {
      Page<SigningKey> p = await(keys.list(acme.id(), page));
      p.items().forEach(k -> paged.add(k.kid()));
      if (p.next() == null) {
        break;
      }
      assertThat(SigningKeyRows.validCursor(p.next())).isTrue();
      page = new PageRequest(3, p.next());
    }
    assertThat(paged).containsExactlyElementsOf(created);
    assertThat(SigningKeyRows.validCursor("not a cursor")).isFalse();
  }

  private Tenant createTenant(String slug) throws Exception {
    Instant now = store.now();
    Tenant draft = new Tenant(UUID.randomUUID(), slug, slug, null, null, false, 0, 1, now, now);
    return await(store.change("operator", c -> TenantRows.insert(c, draft)
        .map(t -> new Changed<>(t.id(), t, AuditEntry.create("tenant", slug, null)))));
  }

  private List<Row> rows(String sql, Object... params) throws Exception {
    List<Row> out = new ArrayList<>();
    await(pool.preparedQuery(sql).execute(Tuple.wrap(List.of(params)))).forEach(out::add);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e;
    }
  }
}
