/**
 * The access log: one JSON line per request, written off the request path.
 *
 * <ul>
 *   <li>{@link dev.gatehouse.gateway.accesslog.AccessLog#start} with
 *       {@link dev.gatehouse.gateway.accesslog.AccessLogOptions} (capacity, sink, {@code Clock}, {@link
 *       dev.gatehouse.gateway.accesslog.Ticker}) starts one background writer thread.</li>
 *   <li>{@link dev.gatehouse.gateway.accesslog.AccessLog#begin} at the start of every request returns its
 *       {@link dev.gatehouse.gateway.accesslog.RequestLog}; pipeline steps set tenant, route, user, decision and
 *       detail on it; the line is queued when the response ends (or the connection closes first). Status, duration
 *       and bytes in/out come from the request and response themselves.</li>
 *   <li>Queueing never blocks and takes no lock; a full queue drops the entry and counts it
 *       ({@link dev.gatehouse.gateway.accesslog.AccessLog#dropped}), and the writer logs the count.</li>
 *   <li>The default sink writes to the {@code gatehouse.access} SLF4J logger (standard error); the format is
 *       {@link dev.gatehouse.gateway.accesslog.AccessLogLines#json}.</li>
 * </ul>
 */
package dev.gatehouse.gateway.accesslog;
