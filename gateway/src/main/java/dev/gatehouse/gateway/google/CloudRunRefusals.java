package dev.gatehouse.gateway.google;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import io.vertx.core.Future;

import dev.gatehouse.core.cloudrun.CloudRunRefusal;
import dev.gatehouse.core.cloudrun.SigningDecision;
import dev.gatehouse.core.cloudrun.SigningIdentity;
import dev.gatehouse.core.cloudrun.UpstreamSigning;
import dev.gatehouse.gateway.pages.Page;
import dev.gatehouse.gateway.proxy.UpstreamCall;
import dev.gatehouse.gateway.proxy.UpstreamRefusals;

/**
 * The proxy's {@link UpstreamRefusals} hook for Cloud Run: when a Cloud Run service turns away a request, the user's
 * page and the log say why ({@link CloudRunRefusal}: for a request the gateway signed, 401 is the token's audience
 * and 403 the signing identity lacking {@code roles/run.invoker}, with the {@code gcloud} command granting it; for a
 * {@code *.run.app} upstream it does not sign, that signing is off).
 *
 * <p>Covers only those upstreams, and explains only the Google front end's own refusal page (HTML saying "Your client
 * does not have permission", in both its 401 and its 403 form): the application behind Cloud Run answering 401 or
 * 403 itself is passed on untouched. The gateway's own email, named when it signs as itself, is read once from its
 * credentials, off the event loop, the first time a refusal needs it.
 */
public final class CloudRunRefusals implements UpstreamRefusals {

    /** Both of the front end's refusal pages (401 and 403) say this; an application's own refusal rarely does. */
    static final String FRONT_END_WORDS = "Your client does not have permission";

    private final Supplier<Future<Optional<String>>> gatewayAccountLookup;
    private volatile Future<Optional<String>> gatewayAccount;

    public CloudRunRefusals(GoogleIdTokens idTokens) {
        this(idTokens::gatewayServiceAccount);
    }

    /** {@code gatewayAccountLookup}: the email of the gateway's own service account, when its credentials say. */
    public CloudRunRefusals(Supplier<Future<Optional<String>>> gatewayAccountLookup) {
        this.gatewayAccountLookup = gatewayAccountLookup;
    }

    @Override
    public boolean covers(UpstreamCall call) {
        return CloudRunRefusal.explains(call.upstream());
    }

    @Override
    public Future<Optional<Page.UpstreamRefused>> explain(UpstreamCall call, Answer answer) {
        if (!covers(call) || !fromTheFrontEnd(answer)) {
            return Future.succeededFuture(Optional.empty());
        }
        Optional<SigningDecision.Sign> sign = UpstreamSigning.signatureOf(call.upstream());
        boolean namesGateway = answer.status() == 403
                && sign.filter(s -> s.identity() instanceof SigningIdentity.Gateway).isPresent();
        Future<Optional<String>> account = namesGateway
                ? gatewayAccount().otherwise(Optional.empty())
                : Future.succeededFuture(Optional.empty());
        return account.map(email -> CloudRunRefusal.of(call.upstream(), answer.status(), email)
                .map(refusal -> new Page.UpstreamRefused(refusal.status(), refusal.explanation(), refusal.fix())));
    }

    private static boolean fromTheFrontEnd(Answer answer) {
        String type = answer.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")
                && answer.body().toString().contains(FRONT_END_WORDS);
    }

    /** Looked up until it succeeds once, then remembered (the gateway's identity does not change while it runs). */
    private Future<Optional<String>> gatewayAccount() {
        Future<Optional<String>> known = gatewayAccount;
        if (known != null) {
            return known;
        }
        return gatewayAccountLookup.get().onSuccess(found -> gatewayAccount = Future.succeededFuture(found));
    }
}
