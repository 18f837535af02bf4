package dev.gatehouse.gateway;

/** Gatehouse could not start (port in use, database unreachable, ...); the message is one line for the operator. */
public final class StartupException extends Exception {
    private static final long serialVersionUID = 1L;

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first line of the failure and of its root cause, so the operator sees the real reason in one line. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = firstLine(failure);
        String bottom = firstLine(root);
        return root == failure || top.contains(bottom) ? top : top + " (" + bottom + ")";
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
