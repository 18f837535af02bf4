package dev.gatehouse.gateway.config;

import static dev.gatehouse.gateway.config.TestTenants.bare;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
    private final TenantSnapshot acme = bare("acme", 1, "app.acme.test", "api.acme.test");
    private final TenantSnapshot beta = bare("beta", 4, "www.beta.test");
    private final GatewayConfig config = GatewayConfig.of(List.of(acme, beta));

    @Test
    void looksUpTenantHostsByHostHeaderSlugAndId() {
        assertThat(config.lookup("App.ACME.test:8080").orElseThrow().tenant()).isSameAs(acme);
        assertThat(config.lookup("api.acme.test").orElseThrow().hostname()).isEqualTo("api.acme.test");
        assertThat(config.lookup("www.beta.test:443").orElseThrow().tenant()).isSameAs(beta);
        assertThat(config.lookup("unknown.test")).isEmpty();
        assertThat(config.lookup("app.acme.test.")).isEmpty();
        assertThat(config.lookup(null)).isEmpty();
        assertThat(config.tenant("beta")).containsSame(beta);
        assertThat(config.tenantById(acme.id())).containsSame(acme);
        assertThat(config.tenants()).containsExactly(acme, beta);
        assertThat(config.hosts().keySet()).containsExactlyInAnyOrder("app.acme.test", "api.acme.test",
                "www.beta.test");
    }

    @Test
    void replacingATenantDropsTheHostnamesItNoLongerHas() {
        TenantSnapshot acme2 = bare("acme", 2, "app.acme.test", "new.acme.test");
        GatewayConfig next = config.with(acme2);
        assertThat(next.lookup("api.acme.test")).isEmpty();
        assertThat(next.lookup("new.acme.test").orElseThrow().tenant()).isSameAs(acme2);
        assertThat(next.lookup("app.acme.test").orElseThrow().tenant()).isSameAs(acme2);
        assertThat(next.tenant("acme")).containsSame(acme2);
        assertThat(next.tenants()).hasSize(2);
        assertThat(config.lookup("api.acme.test").orElseThrow().tenant()).isSameAs(acme);
    }

    @Test
    void aHostnameClaimedByANewerSnapshotMovesToIt() {
        TenantSnapshot beta2 = bare("beta", 5, "www.beta.test", "api.acme.test");
        GatewayConfig next = config.with(beta2);
        assertThat(next.lookup("api.acme.test").orElseThrow().tenant()).isSameAs(beta2);
        assertThat(next.lookup("app.acme.test").orElseThrow().tenant()).isSameAs(acme);
    }

    @Test
    void removingATenantRemovesItsHostnames() {
        GatewayConfig next = config.without("acme");
        assertThat(next.lookup("app.acme.test")).isEmpty();
        assertThat(next.tenant("acme")).isEmpty();
        assertThat(next.tenantById(acme.id())).isEmpty();
        assertThat(next.lookup("www.beta.test")).isPresent();
        assertThat(next.without("nobody")).isSameAs(next);
    }
}
