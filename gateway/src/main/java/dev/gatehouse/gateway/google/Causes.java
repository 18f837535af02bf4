package dev.gatehouse.gateway.google;

/** Turns an exception chain into one readable line. */
final class Causes {

    private Causes() {
    }

    /** The messages down the cause chain, each added only when it says something the previous ones did not. */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable current = error; current != null; current = current.getCause()) {
            String message = current.getMessage() == null ? current.getClass().getSimpleName() : current.getMessage();
            if (text.indexOf(message) < 0) {
                if (text.length() > 0) {
                    text.append(": ");
                }
                text.append(message);
            }
        }
        return text.toString();
    }
}
