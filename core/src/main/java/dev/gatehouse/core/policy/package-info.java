/**
 * The Gatehouse policy language: Pomerium's PPL, parsed from YAML ({@link dev.gatehouse.core.policy.PolicyParser#parseYaml})
 * or the structured JSON tree of the admin API ({@link dev.gatehouse.core.policy.PolicyParser#parse}), compiled
 * once into an immutable {@link dev.gatehouse.core.policy.Policy} and evaluated purely (no I/O, no clock: the
 * request time is an input).
 *
 * <h2>Document</h2>
 * A policy is a list of rules, or a single rule object. A rule object has an {@code allow} and/or a {@code deny}
 * action; an action holds one or more logical operators, each a non-empty list of criteria; a criterion is an
 * object with exactly one key. Access is granted when some {@code allow} matches and no {@code deny} matches;
 * the empty policy denies everything.
 * <pre>
 * - allow:
 *     or:
 *       - domain: example.com
 *       - groups: {has: admins}
 * - deny:
 *     or:
 *       - http_path: {starts_with: /admin}
 *       - source_ip: 203.0.113.0/24
 * </pre>
 *
 * <h2>Logical operators</h2>
 * {@code and}: all criteria match. {@code or}: at least one matches. {@code not}: none matches
 * ({@code NOT a AND NOT b}). {@code nor}: not all match ({@code NOT a OR NOT b}). These follow Pomerium's
 * generator. Several operators in one action are alternatives: the action matches when any of them does.
 *
 * <h2>Criteria</h2>
 * <table>
 * <caption>Criteria, their values and reason codes</caption>
 * <tr><th>criterion</th><th>value</th><th>reasons</th></tr>
 * <tr><td>accept</td><td>true</td><td>accept</td></tr>
 * <tr><td>reject</td><td>true</td><td>reject</td></tr>
 * <tr><td>authenticated_user</td><td>true</td><td>user-ok</td></tr>
 * <tr><td>email</td><td>string matcher, case-insensitive</td><td>email-ok / email-unauthorized</td></tr>
 * <tr><td>user</td><td>string matcher on the user id (sub)</td><td>user-ok / user-unauthorized</td></tr>
 * <tr><td>domain</td><td>string matcher on the email domain, case-insensitive</td>
 *     <td>domain-ok / domain-unauthorized</td></tr>
 * <tr><td>groups</td><td>list matcher</td><td>groups-ok / groups-unauthorized</td></tr>
 * <tr><td>claim/NAME</td><td>list matcher on a claim (a single value counts as a one-element list)</td>
 *     <td>claim-ok / claim-unauthorized</td></tr>
 * <tr><td>http_method</td><td>string matcher, case-insensitive</td>
 *     <td>http-method-ok / http-method-unauthorized</td></tr>
 * <tr><td>http_path</td><td>string matcher</td><td>http-path-ok / http-path-unauthorized</td></tr>
 * <tr><td>source_ip</td><td>IPv4/IPv6 address or CIDR, or a list of them</td>
 *     <td>source-ip-ok / source-ip-unauthorized</td></tr>
 * <tr><td>date</td><td>{after, before}: RFC 3339 timestamps, after inclusive, before exclusive</td>
 *     <td>date-ok / date-unauthorized</td></tr>
 * <tr><td>day_of_week</td><td>"mon-fri", "sat,sun", 0-7 (0 and 7 = Sunday), a list of those, or
 *     {is: ..., timezone: ...}; UTC by default</td><td>day-of-week-ok / day-of-week-unauthorized</td></tr>
 * <tr><td>time_of_day</td><td>{after: "09:00", before: "17:00", timezone: "Europe/Berlin"}; after inclusive,
 *     before exclusive, wraps midnight when after &gt; before; UTC by default</td>
 *     <td>time-of-day-ok / time-of-day-unauthorized</td></tr>
 * <tr><td>cors_preflight</td><td>true</td><td>cors-request / non-cors-request</td></tr>
 * </table>
 * Criteria about the user report {@code user-unauthenticated} when nobody is signed in. {@code date},
 * {@code day_of_week} and {@code time_of_day} are Gatehouse extensions.
 *
 * <h2>Matchers</h2>
 * String matcher: a bare string means {@code is}; otherwise an object of {@code is}, {@code in} (list),
 * {@code not_in} (list), {@code starts_with}, {@code ends_with}, {@code contains}, {@code not} (Pomerium's
 * negated {@code is}); several operators must all hold. List matcher: a bare string means {@code has}; otherwise
 * {@code has} (some element equals), {@code is} (the only element equals), {@code exclude} (no element equals).
 * A missing value matches nothing.
 *
 * <h2>Decisions</h2>
 * {@link dev.gatehouse.core.policy.Decision} carries the verdict, Pomerium-style reason codes plus
 * {@code allowed-by-rule-N}, {@code denied-by-rule-N} or {@code no-matching-allow-rule}, and the deciding rule's
 * 1-based number. {@link dev.gatehouse.core.policy.Decision#requiresLogin()} tells the data plane to start a login.
 *
 * <h2>Errors</h2>
 * Invalid documents raise {@link dev.gatehouse.core.policy.PolicyException} listing every problem as a
 * {@link dev.gatehouse.core.policy.PolicyError}: a JSON pointer into the document, the YAML line (null for JSON
 * input) and a message naming the rule and criterion, e.g.
 * {@code rule 1 (allow), and[2] 'email': unknown matcher 'equals' (expected one of is, in, ...)}.
 *
 * <h2>Legacy fields</h2>
 * {@link dev.gatehouse.core.policy.LegacyPolicy} maps {@code allowed_users}, {@code allowed_domains} and
 * {@code allowed_idp_claims} to one allow rule as Pomerium does.
 */
package dev.gatehouse.core.policy;
