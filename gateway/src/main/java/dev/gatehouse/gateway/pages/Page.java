package dev.gatehouse.gateway.pages;

import java.util.List;
import java.util.Objects;

/**
 * A response the gateway writes itself (never the upstream's). Each kind knows its status, its machine-readable
 * {@code error} code and the words a person reads; {@link Pages} turns it into HTML or JSON.
 */
public sealed interface Page {

    int status();

    /** The JSON {@code error} value. */
    String error();

    /** The HTML page's heading. */
    String title();

    /** One or two sentences for a person; never internal addresses or causes. */
    String message();

    /** 404 for a host the gateway has no route for; says nothing about which tenants or hostnames exist. */
    record NoRoute() implements Page {
        public int status() {
            return 404;
        }

        public String error() {
            return "no_route";
        }

        public String title() {
            return "Not found";
        }

        public String message() {
            return "There is nothing at this address.";
        }
    }

    /** 401 for a client that cannot follow a login redirect; {@code loginUrl} is where signing in starts. */
    record Unauthenticated(String loginUrl) implements Page {
        public Unauthenticated {
            Objects.requireNonNull(loginUrl, "loginUrl");
        }

        public int status() {
            return 401;
        }

        public String error() {
            return "unauthenticated";
        }

        public String title() {
            return "Sign-in required";
        }

        public String message() {
            return "You need to sign in to reach this page.";
        }
    }

    /**
     * 403 after the route's policy denied the request. {@code reasons} are the policy's reason codes;
     * {@code contact} is the tenant's contact line (null when the tenant has none), shown on the HTML page only.
     */
    record Forbidden(List<String> reasons, String contact) implements Page {
        public Forbidden {
            reasons = List.copyOf(reasons);
        }

        public int status() {
            return 403;
        }

        public String error() {
            return "forbidden";
        }

        public String title() {
            return "Access denied";
        }

        public String message() {
            return "You are signed in, but you are not allowed to reach this page.";
        }
    }

    /** 403 for a WebSocket upgrade on a route that does not allow WebSockets; never forwarded. */
    record WebSocketsNotAllowed() implements Page {
        public int status() {
            return 403;
        }

        public String error() {
            return "websockets_not_allowed";
        }

        public String title() {
            return "WebSockets not allowed";
        }

        public String message() {
            return "This address does not accept WebSocket connections.";
        }
    }

    /** 400 for a request the gateway cannot make sense of; {@code message} must be safe to show. */
    record BadRequest(String message) implements Page {
        public BadRequest {
            Objects.requireNonNull(message, "message");
        }

        public int status() {
            return 400;
        }

        public String error() {
            return "bad_request";
        }

        public String title() {
            return "Bad request";
        }
    }

    /** 502 when the upstream could not be reached or failed; {@code message} must be safe to show. */
    record BadGateway(String message) implements Page {
        public BadGateway {
            Objects.requireNonNull(message, "message");
        }

        public int status() {
            return 502;
        }

        public String error() {
            return "bad_gateway";
        }

        public String title() {
            return "Upstream unavailable";
        }
    }

    /**
     * Replaces a 401 or 403 with which a Cloud Run service turned away a request the gateway had signed: the
     * service never saw the request, and the likely cause is the gateway's configuration, not the user.
     * {@code explanation} names the upstream and the audience or the signing identity; {@code fix} is the command
     * that grants what is missing (null when the fix is a setting). Keeps the service's status.
     */
    record UpstreamRefused(int status, String explanation, String fix) implements Page {
        public UpstreamRefused {
            Objects.requireNonNull(explanation, "explanation");
            if (status != 401 && status != 403) {
                throw new IllegalArgumentException("an upstream refusal is a 401 or a 403, not " + status);
            }
        }

        public String error() {
            return "upstream_refused";
        }

        public String title() {
            return "The service refused the gateway";
        }

        public String message() {
            return explanation;
        }
    }

    /** 504 when the upstream did not start answering within the route's timeout. */
    record GatewayTimeout() implements Page {
        public int status() {
            return 504;
        }

        public String error() {
            return "gateway_timeout";
        }

        public String title() {
            return "Upstream timed out";
        }

        public String message() {
            return "The service behind this address did not answer in time. Please try again.";
        }
    }
}
