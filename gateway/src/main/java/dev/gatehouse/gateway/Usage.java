package dev.gatehouse.gateway;

/** The --help text, generated from {@link Option} so it cannot drift from the parser. */
final class Usage {
    private Usage() {
    }

    static String text() {
        StringBuilder text = new StringBuilder()
                .append("Usage: java -jar gatehouse.jar [flags]\n\n")
                .append("Gatehouse: a multi-tenant identity-aware access gateway and its admin API.\n")
                .append("Every flag can also be set through its environment variable; a flag wins.\n\n");
        for (Option option : Option.values()) {
            text.append("  ").append(option.flag).append(' ').append(option.valueName)
                    .append("   (").append(option.env).append(")\n")
                    .append("      ").append(option.description).append('\n')
                    .append("      default: ").append(option.defaultText).append('\n');
        }
        return text
                .append("  --demo\n      a demo tenant with a local IdP (any name signs in) and an echo upstream;\n"
                        + "      binds " + ListenerSettings.DEMO_BIND + " and keeps its data in ./"
                        + StorageSettings.DEMO_DATA_DIR + " unless told otherwise\n")
                .append("  --help\n      this text\n\n")
                .append("When serving, one line goes to standard output:\n")
                .append("  gatehouse ready gateway=http://HOST:PORT admin=http://HOST:PORT\n")
                .append("Logs go to standard error. SIGTERM stops gracefully and exits 0.\n")
                .append("Exit codes: 0 stopped, 1 failed to start, 2 bad settings.\n")
                .toString();
    }
}
