package org.allgo.connector.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test the run's {@link Swarm} as a constructor or method parameter: made at the first test
 * that asks for it, made whole again (killed nodes revived) for each test class that asks, removed
 * when the run ends.
 */
public final class SwarmExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SwarmExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Swarm.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Swarm swarm =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Swarm.class, key -> Swarm.start(), Swarm.class);
    swarm.whole();
    return swarm;
  }
}
