package org.allgo.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This application server's name among those sharing the database: in the jobs it claims, in its
 * lease, in the periodic tasks it did. The setting ({@code ALLGO_NODE}), else the host's name.
 */
@ApplicationScoped
public class ServerName {

  @Inject
  @ConfigProperty(name = "allgo.jobs.node")
  Optional<String> node;

  // Asked for at every claim and lease renewal: read once.
  private String name;

  @PostConstruct
  void resolve() {
    if (node.isPresent() && !node.get().isBlank()) {
      name = node.get();
      return;
    }
    try {
      name = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      name = "localhost";
    }
  }

  public String get() {
    return name;
  }
}
