package dev.gatehouse.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.core.config.HeaderRules;
import dev.gatehouse.core.config.ResourceMeta;
import dev.gatehouse.core.config.RouteOptions;
import dev.gatehouse.core.config.ServerlessAuth;
import dev.gatehouse.core.config.Upstream;
import org.junit.jupiter.api.Test;

class UpstreamTimeoutsTest {

    @Test
    void theRoutesTimeoutWinsOverTheUpstreams() {
        UpstreamTimeouts timeouts = UpstreamTimeouts.of(UpstreamCall.of(
                Routes.route(RouteOptions.NONE, HeaderRules.NONE, "250ms"), upstream("3s", "2m"), "id"));

        assertThat(timeouts).isEqualTo(new UpstreamTimeouts(3_000, 250));
    }

    @Test
    void theUpstreamsTimeoutsApplyWhenTheRouteHasNone() {
        assertThat(UpstreamTimeouts.of(UpstreamCall.of(Routes.route(), upstream("3s", "2m"), "id")))
                .isEqualTo(new UpstreamTimeouts(3_000, 120_000));
    }

    @Test
    void defaultsAreTenAndThirtySeconds() {
        assertThat(UpstreamTimeouts.of(UpstreamCall.of(Routes.route(), upstream(null, null), "id")))
                .isEqualTo(new UpstreamTimeouts(10_000, 30_000));
    }

    @Test
    void aBrokenDurationIsRefused() {
        assertThatThrownBy(() -> UpstreamTimeouts.of(UpstreamCall.of(Routes.route(), upstream("soon", null), "id")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Upstream upstream(String connect, String timeout) {
        return new Upstream(ResourceMeta.draft(Routes.TENANT), "app", "http://127.0.0.1:1", ServerlessAuth.DISABLED,
                connect, timeout);
    }
}
