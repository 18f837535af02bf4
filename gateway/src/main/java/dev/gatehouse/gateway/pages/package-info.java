/**
 * The gateway's own responses.
 *
 * <ul>
 *   <li>{@link dev.gatehouse.gateway.pages.Page}: what happened (no route 404, unauthenticated 401, forbidden 403,
 *       WebSockets not allowed 403, bad request 400, bad gateway 502, gateway timeout 504, and a Cloud Run service's
 *       401/403 to a signed request, explained).</li>
 *   <li>{@link dev.gatehouse.gateway.pages.Pages#send}: answers a request with a page as HTML for browsers and as
 *       JSON ({@code {"error":…,"request_id":…}} plus {@code login_url}, {@code reasons} or {@code message}, and
 *       {@code fix} for an explained refusal) for API clients, chosen by
 *       {@link dev.gatehouse.gateway.pages.ResponseFormat}. Every page carries {@code Cache-Control: no-store},
 *       {@code X-Content-Type-Options: nosniff} and {@code X-Request-Id}; HTML pages also a strict
 *       {@code Content-Security-Policy}. Everything rendered into HTML is escaped.</li>
 *   <li>{@link dev.gatehouse.gateway.pages.RequestIds}: the request id of every request. The gateway always makes
 *       its own (a client's {@code X-Request-Id} is replaced, never trusted): the same id is on the page, in the
 *       access log line and on the request to the upstream as {@code X-Request-Id}, so all three can be matched.</li>
 * </ul>
 */
package dev.gatehouse.gateway.pages;
