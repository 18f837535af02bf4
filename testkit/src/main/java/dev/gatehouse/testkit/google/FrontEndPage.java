package dev.gatehouse.testkit.google;

/**
 * The HTML page Google's front end sends with a refusal, as quoted from the real one (401: google/adk-python#3814;
 * 403: the "Error: Forbidden" page of amplication/amplication#662), with the request's path in it.
 */
final class FrontEndPage {

    static final String CONTENT_TYPE = "text/html; charset=UTF-8";

    private FrontEndPage() {
    }

    static String html(int status, String path) {
        String code = "<code>" + escape(path) + "</code>";
        return status == 401
                ? page("401 Unauthorized", "Unauthorized",
                        "Your client does not have permission to the requested URL " + code + ".")
                : page("403 Forbidden", "Forbidden",
                        "Your client does not have permission to get URL " + code + " from this server.");
    }

    private static String page(String title, String error, String sentence) {
        return "<html><head>\n<meta http-equiv=\"content-type\" content=\"text/html;charset=utf-8\">\n<title>" + title
                + "</title>\n</head>\n<body text=#000000 bgcolor=#ffffff>\n<h1>Error: " + error + "</h1>\n<h2>"
                + sentence + "</h2>\n<h2></h2>\n</body></html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
