package dev.gatehouse.gateway.authn;

/**
 * What a token endpoint answered: the raw ID token (may be null on a refresh), the refresh token (null when none
 * was given) and {@code expires_in} (null when absent).
 */
record IdpTokens(String idToken, String refreshToken, Long expiresIn) {

    @Override
    public String toString() {
        return "IdpTokens[idToken=" + (idToken == null ? "none" : "[hidden]") + ", refreshToken="
                + (refreshToken == null ? "none" : "[hidden]") + ", expiresIn=" + expiresIn + "]";
    }
}
