package dev.gatehouse.gateway.pipeline;

/**
 * The path a route is matched on and the policy judges. Percent-encoded unreserved characters are decoded
 * ({@code /%61dmin} is {@code /admin}, as every upstream will read it) and the remaining escapes upper-cased, so one
 * resource has one spelling; a path the upstream could read differently from us (dot segments, plain or encoded,
 * an encoded slash or backslash, a malformed escape, control characters) is refused. Returns null for a refused
 * path. Runs of slashes count as one ({@code //admin} is judged as {@code /admin}, as upstreams that merge slashes
 * read it), and path parameters do not count ({@code /;/admin} and {@code /admin;x=1} are judged as {@code /admin},
 * and {@code /..;/admin} is a dot segment, as servlet containers such as Tomcat read them). The proxy forwards the
 * request's path unchanged, which names the same resource.
 */
final class RequestPaths {
    private RequestPaths() {
    }

    static String normalize(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\') {
                return null;
            }
            if (c != '%') {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (i + 2 >= raw.length()) {
                return null;
            }
            int high = Character.digit(raw.charAt(i + 1), 16);
            int low = Character.digit(raw.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            char decoded = (char) (high * 16 + low);
            if (decoded == '/' || decoded == '\\' || decoded < 0x20 || decoded == 0x7f) {
                return null;
            }
            if (out == null) {
                out = new StringBuilder(raw.length()).append(raw, 0, i);
            }
            if (unreserved(decoded)) {
                out.append(decoded);
            } else {
                out.append('%').append(Character.toUpperCase(raw.charAt(i + 1)))
                        .append(Character.toUpperCase(raw.charAt(i + 2)));
            }
            i += 2;
        }
        String path = out == null ? raw : out.toString();
        if (path.indexOf(';') >= 0) {
            path = withoutPathParameters(path);
        }
        if (path.contains("//")) {
            path = path.replaceAll("/{2,}", "/");
        }
        return hasDotSegment(path) ? null : path;
    }

    /** Each segment up to its first {@code ;}: servlet containers drop path parameters before they route. */
    private static String withoutPathParameters(String path) {
        StringBuilder out = new StringBuilder(path.length());
        boolean inParameters = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                inParameters = false;
            } else if (c == ';') {
                inParameters = true;
            }
            if (!inParameters) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean hasDotSegment(String path) {
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int length = end - start;
            if ((length == 1 && path.charAt(start) == '.')
                    || (length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
