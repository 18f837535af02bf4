package dev.gatehouse.testkit.google;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.sun.net.httpserver.Headers;

/**
 * What Cloud Run's front end decides before a request reaches the container: the Google ID token comes from
 * {@code X-Serverless-Authorization} when present, else from {@code Authorization}; it must be signed by Google's
 * key, issued by {@code accounts.google.com}, addressed to the service (its URL or a custom audience) and unexpired;
 * its identity (the {@code email} claim, else the account whose unique id is {@code sub}) must hold
 * {@code roles/run.invoker}.
 *
 * <p>The status codes and pages are the real front end's, as reports that quote it show (GitHub issues; none of this
 * was checked against Google Cloud itself):
 * <ul>
 *   <li>no credentials at all: <b>403</b>, "Error: Forbidden … Your client does not have permission to get URL …
 *       from this server." (a browser opening a private service: amplication/amplication#662,
 *       GoogleCloudPlatform/cloud-code-intellij#3133, google/litmus#108);</li>
 *   <li>a token it cannot accept: <b>401</b>, "Error: Unauthorized … Your client does not have permission to the
 *       requested URL …" (an ID token for audience "demo": GoogleCloudPlatform/cloud-run-proxy#10; an OAuth access
 *       token instead of an ID token: googleapis/google-auth-library-java#414, google/adk-python#3814, which quotes
 *       the whole page; a JWT not issued by Google: GoogleCloudPlatform/esp-v2#542);</li>
 *   <li>a valid token whose identity lacks {@code roles/run.invoker}: <b>403</b> (ahmetb/runsd#43).</li>
 * </ul>
 * Not covered by those reports, and taken here as tokens it cannot accept (401): expired tokens, a bad signature,
 * and credentials that are not {@code Bearer}.
 */
final class CloudRunFrontEnd {

    static final String SERVERLESS_AUTHORIZATION = "X-Serverless-Authorization";
    private static final Set<String> ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");

    private final GoogleState state;
    private final CloudRunOptions options;

    CloudRunFrontEnd(GoogleState state, CloudRunOptions options) {
        this.state = state;
        this.options = options;
    }

    /** The verdict on a request: admitted (with the header that carried the token, if any) or rejected. */
    Verdict admit(Headers headers) {
        if (options.allowUnauthenticated()) {
            return new Verdict(null, null, null);
        }
        String carrier = headers.containsKey(SERVERLESS_AUTHORIZATION) ? SERVERLESS_AUTHORIZATION : "Authorization";
        String credentials = headers.getFirst(carrier);
        if (credentials == null) {
            return rejected(403, "no credentials: neither " + SERVERLESS_AUTHORIZATION + " nor Authorization");
        }
        String token = Exchanges.bearerOf(credentials);
        if (token == null) {
            return rejected(401, carrier + " carries no bearer token");
        }
        Jwt jwt;
        try {
            jwt = Jwt.parse(token);
        } catch (IllegalArgumentException e) {
            return rejected(401, "malformed token: " + e.getMessage());
        }
        if (!state.googleKey().keyId().equals(jwt.header().getString("kid")) || !state.googleKey().verifies(jwt)) {
            return rejected(401, "signature not made by a Google key");
        }
        if (!ISSUERS.contains(jwt.claims().getString("iss", ""))) {
            return rejected(401, "issuer " + jwt.claims().getString("iss") + " is not Google");
        }
        List<String> accepted = options.acceptedAudiences();
        if (jwt.audiences().stream().noneMatch(accepted::contains)) {
            return rejected(401, "audience " + jwt.audiences() + " is not one of " + accepted);
        }
        if (!state.clock().instant().isBefore(jwt.expiresAt())) {
            return rejected(401, "token expired at " + jwt.expiresAt());
        }
        Optional<String> identity = identity(jwt);
        if (identity.isEmpty() || !options.invokers().contains(identity.get())) {
            return rejected(403, identity.orElse("sub " + jwt.claims().getString("sub"))
                    + " lacks roles/run.invoker on " + options.url());
        }
        return new Verdict(carrier, identity.get(), null);
    }

    private Optional<String> identity(Jwt jwt) {
        String email = jwt.claims().getString("email");
        if (email != null) {
            return Optional.of(email);
        }
        return state.accountByUniqueId(jwt.claims().getString("sub", "")).map(FakeServiceAccount::email);
    }

    private static Verdict rejected(int status, String reason) {
        return new Verdict(null, null, new CloudRunRejection(status, reason));
    }

    /** {@code rejection} null means admitted; {@code carrier} is the header whose token was accepted. */
    record Verdict(String carrier, String identity, CloudRunRejection rejection) {}
}
