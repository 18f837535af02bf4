package dev.gatehouse.gateway;

/** A setting is missing, malformed or out of range; the message is one line meant for the operator. */
public final class InvalidSettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(String message) {
        super(message);
    }
}
