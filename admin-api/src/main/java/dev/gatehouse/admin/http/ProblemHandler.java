package dev.gatehouse.admin.http;

import dev.gatehouse.core.store.StoreConflict;
import dev.gatehouse.core.store.TenantGone;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers every failure as application/problem+json; unexpected errors are logged with a request id. */
public final class ProblemHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    send(ctx, toProblem(ctx));
  }

  public static void send(RoutingContext ctx, Problem problem) {
    var response = ctx.response().setStatusCode(problem.status())
        .putHeader("Content-Type", Problem.CONTENT_TYPE);
    if (problem.status() == 401) {
      response.putHeader("WWW-Authenticate", "Bearer");
    }
    response.end(problem.toJson().encode());
  }

  private static Problem toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof Problem problem) {
      return problem;
    }
    if (failure instanceof TenantGone) {
      return Problem.notFound();
    }
    if (failure instanceof StoreConflict) {
      // Handlers name the usual conflicts; this covers races between a check and the write.
      return Problem.conflict("the change conflicts with a concurrent change; reload and retry");
    }
    if (failure == null || failure instanceof io.vertx.ext.web.handler.HttpException) {
      int status = failure == null ? ctx.statusCode()
          : ((io.vertx.ext.web.handler.HttpException) failure).getStatusCode();
      switch (status) {
        case 400: return Problem.badRequest("the request could not be read");
        case 401: return Problem.unauthenticated();
        case 404: return Problem.notFound();
        case 405: return Problem.methodNotAllowed();
        case 413: return Problem.payloadTooLarge();
        case 415: return Problem.unsupportedMediaType();
        default: break;
      }
    }
    String requestId = UUID.randomUUID().toString();
    LOG.error("request {} {} {} failed (status {})", requestId, ctx.request().method(), ctx.request().path(),
        ctx.statusCode(), failure);
    return Problem.serverError(requestId);
  }
}
