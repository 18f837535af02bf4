package dev.gatehouse.gateway.authn;

/** An ID token failed verification; the message says which check (never the token). */
final class TokenRejected extends RuntimeException {

    TokenRejected(String message) {
        super(message, null, false, false);
    }
}
