package dev.gatehouse.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.policy.Decision;
import dev.gatehouse.core.policy.PolicyInput;
import dev.gatehouse.core.policy.Principal;
import dev.gatehouse.core.policy.RequestFacts;
import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutePolicyTest {
  private static final Principal ALICE = new Principal("alice", "alice@acme.example", List.of(), Map.of());
  private static final Principal MALLORY = new Principal("mallory", "mallory@evil.example", List.of(), Map.of());
  private static final JsonArray ACME_ONLY =
      new JsonArray("[{\"allow\":{\"and\":[{\"domain\":{\"is\":\"acme.example\"}}]}}]");

  @Test
  void withoutSwitchesTheRouteRulesAloneDecide() {
    Route route = route(ACME_ONLY, RouteOptions.NONE);
    assertThat(decide(route, ALICE, "GET").reasons()).contains("allowed-by-rule-1");
    assertThat(decide(route, MALLORY, "GET").allowed()).isFalse();
    assertThat(decide(route, null, "GET").requiresLogin()).isTrue();
  }

  @Test
  void anEmptyPolicyDeniesEveryone() {
    Route route = route(new JsonArray(), RouteOptions.NONE);
    assertThat(decide(route, ALICE, "GET").allowed()).isFalse();
    assertThat(decide(route, null, "GET").allowed()).isFalse();
  }

  @Test
  void publicAccessAdmitsAnonymousCallersAfterTheRouteRules() {
    Route route = route(ACME_ONLY, new RouteOptions(false, true, false, false, false));
    Decision anonymous = decide(route, null, "GET");
    assertThat(anonymous.allowed()).isTrue();
    assertThat(anonymous.decidingRule()).isEqualTo(2);
    assertThat(decide(route, ALICE, "GET").decidingRule()).isEqualTo(1);
  }

  @Test
  void anyAuthenticatedUserAdmitsEverySignedInUserButNotAnonymous() {
    Route route = route(ACME_ONLY, new RouteOptions(false, false, true, false, false));
    assertThat(decide(route, MALLORY, "GET").allowed()).isTrue();
    Decision anonymous = decide(route, null, "GET");
    assertThat(anonymous.allowed()).isFalse();
    assertThat(anonymous.requiresLogin()).isTrue();
  }

  @Test
  void corsPreflightIsAdmittedWithoutSignInOnlyWhenTheSwitchIsOn() {
    Route with = route(ACME_ONLY, new RouteOptions(false, false, false, true, false));
    Route without = route(ACME_ONLY, RouteOptions.NONE);
    assertThat(decide(with, null, "OPTIONS").allowed()).isTrue();
    assertThat(decide(without, null, "OPTIONS").allowed()).isFalse();
    assertThat(decide(with, null, "GET").allowed()).isFalse();
  }

  @Test
  void aDenyRuleOfTheRouteStillWinsOverTheSwitches() {
    JsonArray denyMallory = new JsonArray(
        "[{\"deny\":{\"or\":[{\"email\":{\"is\":\"mallory@evil.example\"}}]}}]");
    Route route = route(denyMallory, new RouteOptions(false, false, true, false, false));
    assertThat(decide(route, MALLORY, "GET").reasons()).contains("denied-by-rule-1");
    assertThat(decide(route, ALICE, "GET").allowed()).isTrue();
  }

  private static Decision decide(Route route, Principal user, String method) {
    boolean preflight = method.equals("OPTIONS");
    RequestFacts request = new RequestFacts(method, "/", null, Instant.parse("2026-11-23T10:00:00Z"), preflight);
    return RoutePolicy.effective(route).evaluate(new PolicyInput(user, request));
  }

  private static Route route(JsonArray policy, RouteOptions options) {
    return new Route(ResourceMeta.draft(UUID.randomUUID()), "home", new RouteFrom("https", "app.acme.example"),
        RouteMatch.ANY, "web", "corp", policy, options, HeaderRules.NONE, null);
  }
}
