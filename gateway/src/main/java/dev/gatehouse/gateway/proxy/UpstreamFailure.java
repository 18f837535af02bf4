package dev.gatehouse.gateway.proxy;

import dev.gatehouse.gateway.pages.Page;
import java.util.concurrent.TimeoutException;

/**
 * Why the gateway answers instead of the upstream, with the page the client sees. Failures are tagged where they
 * happen (obtaining a connection, signing) so a connect timeout (502) is never mistaken for a response timeout (504).
 */
final class UpstreamFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ProxyOutcome outcome;

    private UpstreamFailure(ProxyOutcome outcome, Throwable cause) {
        super(outcome.code(), cause, false, false);
        this.outcome = outcome;
    }

    static UpstreamFailure unreachable(Throwable cause) {
        return new UpstreamFailure(ProxyOutcome.UPSTREAM_UNREACHABLE, cause);
    }

    static UpstreamFailure signingFailed(Throwable cause) {
        return new UpstreamFailure(ProxyOutcome.SIGNING_FAILED, cause);
    }

    static UpstreamFailure misconfigured(Throwable cause) {
        return new UpstreamFailure(ProxyOutcome.UPSTREAM_MISCONFIGURED, cause);
    }

    /** Any failure of the exchange: tagged ones keep their tag; a timeout after connecting is a 504. */
    static UpstreamFailure of(Throwable failure) {
        if (failure instanceof UpstreamFailure tagged) {
            return tagged;
        }
        ProxyOutcome outcome = failure instanceof TimeoutException
                ? ProxyOutcome.UPSTREAM_TIMEOUT : ProxyOutcome.UPSTREAM_FAILED;
        return new UpstreamFailure(outcome, failure);
    }

    ProxyOutcome outcome() {
        return outcome;
    }

    /** What the client sees: nothing about addresses or causes. */
    Page page() {
        return switch (outcome) {
            case UPSTREAM_TIMEOUT -> new Page.GatewayTimeout();
            case UPSTREAM_UNREACHABLE -> new Page.BadGateway(
                    "The service behind this address could not be reached. Please try again later.");
            case SIGNING_FAILED -> new Page.BadGateway(
                    "The gateway could not obtain credentials for the service behind this address.");
            case UPSTREAM_MISCONFIGURED -> new Page.BadGateway(
                    "The service behind this address is not configured correctly.");
            default -> new Page.BadGateway(
                    "The service behind this address closed the connection without answering.");
        };
    }

    /** For the log: the cause's type and message (internal details belong there, not on the page). */
    String detail() {
        Throwable cause = getCause();
        while (cause instanceof UpstreamFailure && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return outcome.code();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
