package dev.gatehouse.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.core.store.Page;
import dev.gatehouse.core.store.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInPagesTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void pagesNewestFirstThenByHandleAndContinuesAfterTheCursor() {
    SignIn oldest = signIn("login-a", T0);
    SignIn middle1 = signIn("login-b", T0.plusSeconds(60));
    SignIn middle2 = signIn("login-c", T0.plusSeconds(60));
    SignIn newest = signIn("login-d", T0.plusSeconds(120));
    List<SignIn> all = List.of(oldest, middle2, newest, middle1);
    List<SignIn> sameTime = new ArrayList<>(List.of(middle1, middle2));
    sameTime.sort((x, y) -> x.handle().compareTo(y.handle()));

    Page<SignIn> first = SignInPages.page(all, PageRequest.first(2));
    assertThat(first.items()).containsExactly(newest, sameTime.get(0));
    assertThat(SignInPages.validCursor(first.next())).isTrue();

    // A sign-in that starts between pages does not shift the next page.
    List<SignIn> later = new ArrayList<>(all);
    later.add(signIn("login-e", T0.plusSeconds(180)));
    Page<SignIn> second = SignInPages.page(later, new PageRequest(2, first.next()));
    assertThat(second.items()).containsExactly(sameTime.get(1), oldest);
    assertThat(second.next()).isNull();
  }

  @Test
  void theLastPageHasNoCursor() {
    Page<SignIn> page = SignInPages.page(List.of(signIn("login-a", T0)), PageRequest.first(1));
    assertThat(page.items()).hasSize(1);
    assertThat(page.next()).isNull();
  }

  @Test
  void refusesCursorsItDidNotHandOut() {
    assertThat(SignInPages.validCursor("2026-03-01T10:00:00Z")).isFalse();
    assertThat(SignInPages.validCursor("yesterday~" + SignInHandle.of("x"))).isFalse();
    assertThat(SignInPages.validCursor("2026-03-01T10:00:00Z~short")).isFalse();
    assertThat(SignInPages.validCursor("2026-03-01T10:00:00Z~" + SignInHandle.of("x"))).isTrue();
  }

  @Test
  void handlesAreShortAndStableAndDoNotContainTheLoginId() {
    String loginId = "kJ3x9Qw2mZp8LrT5vN1cY7bH4gF6dS0aE2uI9oP3qWe";
    String handle = SignInHandle.of(loginId);
    assertThat(handle).hasSize(22).isEqualTo(SignInHandle.of(loginId)).isNotEqualTo(SignInHandle.of(loginId + "x"));
    assertThat(loginId).doesNotContain(handle.substring(0, 8));
    assertThat(SignInHandle.isWellFormed(handle)).isTrue();
    assertThat(SignInHandle.isWellFormed(loginId)).isFalse();
    assertThat(SignInHandle.isWellFormed("../../etc/passwd_x")).isFalse();
  }

  @Test
  void belongsToMatchesSubjectOrEmailExactly() {
    SignIn alice = new SignIn(SignInHandle.of("l"), "main", "alice-sub", "alice@acme.test", "Alice", List.of("staff"),
        T0, T0, T0.plusSeconds(3600), List.of("b.acme.test", "a.acme.test", "a.acme.test"), 2);
    assertThat(alice.belongsTo("alice-sub")).isTrue();
    assertThat(alice.belongsTo("alice@acme.test")).isTrue();
    assertThat(alice.belongsTo("ALICE@acme.test")).isFalse();
    assertThat(alice.belongsTo("alice")).isFalse();
    assertThat(alice.hostnames()).containsExactly("a.acme.test", "b.acme.test");
  }

  private static SignIn signIn(String loginId, Instant createdAt) {
    return new SignIn(SignInHandle.of(loginId), "main", "sub-" + loginId, null, null, List.of(), createdAt,
        createdAt, createdAt.plusSeconds(3600), List.of(), 1);
  }
}
