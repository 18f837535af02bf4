package dev.gatehouse.core.policy.criteria;

/** Reason codes a criterion reports, spelled as Pomerium spells them. At most 62 (they form a bit mask). */
public enum Reason {
    ACCEPT("accept"),
    REJECT("reject"),
    USER_OK("user-ok"),
    USER_UNAUTHORIZED("user-unauthorized"),
    USER_UNAUTHENTICATED("user-unauthenticated"),
    EMAIL_OK("email-ok"),
    EMAIL_UNAUTHORIZED("email-unauthorized"),
    DOMAIN_OK("domain-ok"),
    DOMAIN_UNAUTHORIZED("domain-unauthorized"),
    GROUPS_OK("groups-ok"),
    GROUPS_UNAUTHORIZED("groups-unauthorized"),
    CLAIM_OK("claim-ok"),
    CLAIM_UNAUTHORIZED("claim-unauthorized"),
    HTTP_METHOD_OK("http-method-ok"),
    HTTP_METHOD_UNAUTHORIZED("http-method-unauthorized"),
    HTTP_PATH_OK("http-path-ok"),
    HTTP_PATH_UNAUTHORIZED("http-path-unauthorized"),
    SOURCE_IP_OK("source-ip-ok"),
    SOURCE_IP_UNAUTHORIZED("source-ip-unauthorized"),
    DATE_OK("date-ok"),
    DATE_UNAUTHORIZED("date-unauthorized"),
    DAY_OF_WEEK_OK("day-of-week-ok"),
    DAY_OF_WEEK_UNAUTHORIZED("day-of-week-unauthorized"),
    TIME_OF_DAY_OK("time-of-day-ok"),
    TIME_OF_DAY_UNAUTHORIZED("time-of-day-unauthorized"),
    CORS_REQUEST("cors-request"),
    NON_CORS_REQUEST("non-cors-request");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    long bit() {
        return 1L << ordinal();
    }
}
