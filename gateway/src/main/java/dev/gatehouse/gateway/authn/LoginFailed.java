package dev.gatehouse.gateway.authn;

/** A sign-in step that ends on an error page: the status and what the page tells the user. */
final class LoginFailed extends RuntimeException {

    private final int status;

    LoginFailed(int status, String userMessage) {
        super(userMessage, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
