package org.allgo.itc;

import java.net.URI;
import org.jboss.arquillian.config.descriptor.api.ArquillianDescriptor;
import org.jboss.arquillian.config.descriptor.api.ContainerDef;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Points Arquillian's Payara container at the test server of {@code -Dallgo.base.url}: its admin
 * port is its port base (the HTTP port less 80) plus 48, as {@code bin/allgo} makes domains.
 */
public final class TestDomain implements LoadableExtension {

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(AdminPort.class);
  }

  /** Sets the admin port before the container is made from the configuration. */
  public static final class AdminPort {

    public void configure(@Observes(precedence = 10) ArquillianDescriptor descriptor) {
      String url = System.getProperty("allgo.base.url", "http://localhost:28080");
      int adminPort = URI.create(url).getPort() - 80 + 48;
      for (ContainerDef container : descriptor.getContainers()) {
        container.overrideProperty("adminPort", Integer.toString(adminPort));
      }
    }
  }
}
