package dev.gatehouse.gateway.google;

import java.util.Objects;

import dev.gatehouse.core.config.ServerlessHeader;

/** What the gateway does about a Google ID token for one upstream: nothing, sign as someone, or refuse. */
public sealed interface SigningDecision {

    /** Google serverless authentication is off: the request goes out without a Google token. */
    record Unsigned() implements SigningDecision {}

    /** Mint for ({@code identity}, {@code audience}) and send it as {@code Bearer} in {@code header}. */
    record Sign(SigningIdentity identity, String audience, ServerlessHeader header) implements SigningDecision {

        public Sign {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(header, "header");
        }

        /** {@code X-Serverless-Authorization} or {@code Authorization}. */
        public String headerName() {
            return header == ServerlessHeader.AUTHORIZATION ? "Authorization" : "X-Serverless-Authorization";
        }

        public String headerValue(IdToken token) {
            return "Bearer " + token.value();
        }
    }

    /** Signing is configured but not allowed; the request must not go out (the pipeline answers 502 with the reason). */
    record Refused(String reason) implements SigningDecision {

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
