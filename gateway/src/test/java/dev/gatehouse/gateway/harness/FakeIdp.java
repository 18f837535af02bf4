package dev.gatehouse.gateway.harness;

import dev.gatehouse.testkit.oidc.FakeOidcProvider;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the fake OpenID Connect provider: with {@code @ExtendWith(FakeIdp.class)}, a constructor, lifecycle or
 * test method parameter of type {@link FakeOidcProvider} gets it. One provider serves every test of the JVM: started
 * and warmed up on first use, closed when the JVM's tests end. Tests keep apart by using issuer ids of their own.
 */
public final class FakeIdp implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeIdp.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FakeOidcProvider.class;
    }

    @Override
    public FakeOidcProvider resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root context's store closes what it holds (an AutoCloseable) after the JVM's last test.
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(FakeOidcProvider.class, key -> FakeOidcProvider.start(), FakeOidcProvider.class);
    }
}
