package dev.gatehouse.testkit.google;

/**
 * One {@code generateIdToken} call the fake IAM Credentials API received: who asked ({@code caller}, null when the
 * access token was missing or unknown), for which service account and audience, and the HTTP status it answered.
 */
public record GenerateIdTokenCall(String caller, String serviceAccount, String audience, int status) {

    GenerateIdTokenCall withStatus(int newStatus) {
        return new GenerateIdTokenCall(caller, serviceAccount, audience, newStatus);
    }
}
