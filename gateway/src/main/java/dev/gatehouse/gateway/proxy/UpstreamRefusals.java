package dev.gatehouse.gateway.proxy;

import dev.gatehouse.gateway.pages.Page;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * The pipeline's hook for an upstream's 401 or 403: it may replace the answer with a page of the gateway's own that
 * explains the likely cause (a Cloud Run service turning away the Google ID token the gateway sent). The proxy asks
 * only about answers to calls the hook {@link #covers}, and only small complete ones: a 401 or 403 with a
 * {@code Content-Length} of at most {@link #MAX_BODY_BYTES} (not to {@code HEAD}) is read before it is forwarded,
 * so the hook can tell the platform's refusal page from the application's own refusal. Whatever the hook declines
 * goes to the client as the upstream sent it; everything else streams through untouched.
 */
public interface UpstreamRefusals {

    /** The largest refusal body the proxy holds back to show the hook. */
    int MAX_BODY_BYTES = 16 * 1024;

    /** Explains nothing. */
    UpstreamRefusals NONE = new UpstreamRefusals() {
        @Override
        public boolean covers(UpstreamCall call) {
            return false;
        }

        @Override
        public Future<Optional<Page.UpstreamRefused>> explain(UpstreamCall call, Answer answer) {
            return Future.succeededFuture(Optional.empty());
        }
    };

    /** Whether a 401 or 403 answer to {@code call} may be explained at all (cheap; runs on the event loop). */
    boolean covers(UpstreamCall call);

    /**
     * The page to send instead of {@code answer}, or empty to forward the answer unchanged. A failed future counts
     * as empty. The proxy logs the page's explanation and fix.
     */
    Future<Optional<Page.UpstreamRefused>> explain(UpstreamCall call, Answer answer);

    /** What the upstream answered: its status (401 or 403), its {@code Content-Type} (or null) and its body. */
    record Answer(int status, String contentType, Buffer body) {
    }
}
