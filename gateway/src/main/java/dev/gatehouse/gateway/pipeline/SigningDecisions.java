package dev.gatehouse.gateway.pipeline;

import dev.gatehouse.core.cloudrun.SigningClaims;
import dev.gatehouse.core.cloudrun.SigningDecision;
import dev.gatehouse.core.cloudrun.UpstreamSigning;
import dev.gatehouse.core.config.Tenant;
import dev.gatehouse.core.config.TenantConfig;
import dev.gatehouse.core.config.Upstream;
import dev.gatehouse.gateway.config.TenantSnapshot;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link UpstreamSigning}'s decision for every Google serverless upstream of a configuration, made once when the
 * configuration changes instead of on each request. Immutable. The decision is pure, so an upstream object of this
 * configuration gets the decision made for it; an upstream this instance has not seen (a snapshot published a moment
 * before the decisions are renewed) is decided on the spot, with the same rules.
 */
final class SigningDecisions {
    private static final SigningDecision UNSIGNED = new SigningDecision.Unsigned();

    private record Decided(Tenant tenant, SigningDecision decision) {}

    private final UpstreamSigning signing;
    private final Map<Upstream, Decided> decided;

    private SigningDecisions(UpstreamSigning signing, Map<Upstream, Decided> decided) {
        this.signing = signing;
        this.decided = decided;
    }

    static SigningDecisions none() {
        return of(List.of());
    }

    /** The decisions for {@code tenants}, whose upstreams also make up the claims (who may sign for what). */
    static SigningDecisions of(Collection<TenantSnapshot> tenants) {
        List<TenantConfig> configs = tenants.stream().map(TenantSnapshot::config).toList();
        UpstreamSigning signing = new UpstreamSigning(SigningClaims.of(configs));
        Map<Upstream, Decided> decided = new IdentityHashMap<>();
        for (TenantSnapshot snapshot : tenants) {
            for (Upstream upstream : snapshot.upstreams().values()) {
                if (upstream.serverlessAuth().enabled()) {
                    decided.put(upstream, new Decided(snapshot.tenant(),
                            signing.decide(snapshot.tenant(), upstream)));
                }
            }
        }
        return new SigningDecisions(signing, decided);
    }

    SigningDecision decide(Tenant tenant, Upstream upstream) {
        if (!upstream.serverlessAuth().enabled()) {
            return UNSIGNED;
        }
        Decided known = decided.get(upstream);
        return known != null && known.tenant() == tenant ? known.decision() : signing.decide(tenant, upstream);
    }
}
