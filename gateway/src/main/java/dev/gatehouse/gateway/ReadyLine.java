package dev.gatehouse.gateway;

import java.util.OptionalInt;

/** The single line on standard output that tells scripts Gatehouse is serving, and where. */
public final class ReadyLine {
    private ReadyLine() {
    }

    public static String format(String bind, OptionalInt gatewayPort, OptionalInt adminPort) {
        StringBuilder line = new StringBuilder("gatehouse ready");
        gatewayPort.ifPresent(port -> line.append(" gateway=").append(url(bind, port)));
        adminPort.ifPresent(port -> line.append(" admin=").append(url(bind, port)));
        return line.toString();
    }

    /** A URL a local client can use: loopback when bound to every interface. */
    public static String url(String bind, int port) {
        return "http://" + clientHost(bind) + ":" + port;
    }

    static String clientHost(String bind) {
        String host = bind.startsWith("[") && bind.endsWith("]") ? bind.substring(1, bind.length() - 1) : bind;
        if (isWildcard(host)) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("::0") || host.matches("0(:0){7}");
    }
}
