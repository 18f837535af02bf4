package dev.gatehouse.admin.resources;

import java.util.Set;

final class RouteFields {
  static final Set<String> ALL = Set.of("name", "from", "path", "prefix", "regex", "upstream", "idp", "policy",
      "pass_identity_headers", "allow_public_unauthenticated_access", "allow_any_authenticated_user",
      "cors_allow_preflight", "allow_websockets", "set_request_headers", "remove_request_headers", "timeout");

  private RouteFields() {}
}
