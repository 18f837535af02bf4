package dev.gatehouse.migrations;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a PostgreSQL database lives and how to log in to it. {@link #toString()} never shows the password.
 *
 * @param password may be null when the server needs none
 */
public record DatabaseCoordinates(String host, int port, String database, String user, String password) {

    private static final int DEFAULT_PORT = 5432;

    public DatabaseCoordinates {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("database host is missing");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("database port must be between 1 and 65535, got " + port);
        }
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("database name is missing");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("database user is missing");
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** The same server and credentials, another database on it. */
    public DatabaseCoordinates withDatabase(String otherDatabase) {
        return new DatabaseCoordinates(host, port, otherDatabase, user, password);
    }

    /**
     * Parses {@code postgres://}, {@code postgresql://} and {@code jdbc:postgresql://} URLs. Credentials come from the
     * user-info part or the {@code user}/{@code password} query parameters, percent-decoded. Error messages never
     * repeat the URL, since it may hold a password.
     */
    public static DatabaseCoordinates parse(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("is empty");
        }
        String rest = stripScheme(url.strip());
        int authorityEnd = indexOfAny(rest, "/?#");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String afterAuthority = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
        if (afterAuthority.contains("#")) {
            throw invalid("must not contain a fragment (#)");
        }

        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        String hostAndPort = authority;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            hostAndPort = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        HostPort hp = HostPort.parse(hostAndPort);

        int query = afterAuthority.indexOf('?');
        String path = query < 0 ? afterAuthority : afterAuthority.substring(0, query);
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        if (database.isEmpty()) {
            throw invalid("has no database name (expected .../DATABASE)");
        }
        if (database.contains("/")) {
            throw invalid("has a path with more than one segment; expected .../DATABASE");
        }
        if (query >= 0) {
            for (String pair : afterAuthority.substring(query + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    default -> throw invalid("has unsupported parameter '" + key + "' (supported: user, password)");
                }
            }
        }
        if (user == null || user.isEmpty()) {
            throw invalid("has no user (use postgres://USER:PASSWORD@HOST/DB or ?user=)");
        }
        return new DatabaseCoordinates(hp.host, hp.port, database, user, password);
    }

    @Override
    public String toString() {
        return "DatabaseCoordinates[host=" + host + ", port=" + port + ", database=" + database + ", user=" + user
                + ", password=" + (password == null ? "(none)" : "***") + "]";
    }

    private static String stripScheme(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        for (String scheme : new String[] {"jdbc:postgresql://", "postgresql://", "postgres://"}) {
            if (lower.startsWith(scheme)) {
                return url.substring(scheme.length());
            }
        }
        throw invalid("must start with postgres://, postgresql:// or jdbc:postgresql://");
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Percent-decoding only: unlike form encoding, '+' stays a plus sign (libpq behaves the same). */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("has a malformed percent-encoding");
        }
    }

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException("GATEHOUSE_DATABASE_URL " + reason);
    }

    private record HostPort(String host, int port) {
        static HostPort parse(String s) {
            if (s.isEmpty()) {
                throw invalid("has no host");
            }
            if (s.contains(",")) {
                throw invalid("lists several hosts; only one is supported");
            }
            String host;
            String portText = null;
            if (s.startsWith("[")) {
                int close = s.indexOf(']');
                if (close < 0) {
                    throw invalid("has an unterminated IPv6 address");
                }
                host = s.substring(0, close + 1);
                String tail = s.substring(close + 1);
                if (!tail.isEmpty()) {
                    if (!tail.startsWith(":")) {
                        throw invalid("has garbage after the IPv6 address");
                    }
                    portText = tail.substring(1);
                }
            } else {
                int colon = s.lastIndexOf(':');
                host = colon < 0 ? s : s.substring(0, colon);
                portText = colon < 0 ? null : s.substring(colon + 1);
            }
            if (host.isEmpty() || host.equals("[]")) {
                throw invalid("has no host");
            }
            return new HostPort(host, portText == null || portText.isEmpty() ? DEFAULT_PORT : port(portText));
        }

        private static int port(String text) {
            int port;
            try {
                port = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw invalid("has a port that is not a number");
            }
            if (port < 1 || port > 65535) {
                throw invalid("has a port outside 1-65535");
            }
            return port;
        }
    }
}
