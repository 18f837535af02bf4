package dev.gatehouse.core.crypto;

/** A sealed value could not be opened: tampered with, sealed under another key or another associated data. */
public final class SecretBoxException extends RuntimeException {

    public SecretBoxException(String message) {
        super(message);
    }

    public SecretBoxException(String message, Throwable cause) {
        super(message, cause);
    }
}
