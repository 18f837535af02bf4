package dev.gatehouse.gateway.pages;

/** Sentences that end with a value someone typed (a tenant's name, a contact line), punctuated once. */
public final class Sentences {

    private Sentences() {
    }

    /** The text with a full stop, unless it already ends with one (or with ! or ?), as "ACME Inc." does. */
    public static String end(String text) {
        String stripped = text.strip();
        return stripped.endsWith(".") || stripped.endsWith("!") || stripped.endsWith("?") ? stripped : stripped + ".";
    }
}
