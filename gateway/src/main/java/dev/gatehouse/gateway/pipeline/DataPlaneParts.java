package dev.gatehouse.gateway.pipeline;

import dev.gatehouse.gateway.accesslog.AccessLog;
import dev.gatehouse.gateway.authn.Authentication;
import dev.gatehouse.gateway.authn.SchemePolicy;
import dev.gatehouse.gateway.config.ConfigRegistry;
import dev.gatehouse.gateway.identity.KeyRings;
import dev.gatehouse.gateway.proxy.TrustedPeers;
import dev.gatehouse.gateway.proxy.UpstreamProxy;
import java.time.Clock;

/** The started parts the request chain runs on (see {@link DataPlane}, which builds and stops them). */
record DataPlaneParts(
        ConfigRegistry registry,
        Authentication authentication,
        KeyRings keyRings,
        UpstreamSigner signer,
        UpstreamProxy proxy,
        AccessLog accessLog,
        TrustedPeers trustedPeers,
        SchemePolicy schemes,
        Clock clock) {}
