package org.allgo.development.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import org.allgo.accounts.control.Passwords;
import org.allgo.accounts.control.UserStore;
import org.allgo.accounts.entity.AccountState;
import org.allgo.accounts.entity.Role;
import org.allgo.accounts.entity.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seeds the development users of the original platform, all with password {@code allgo}, when
 * {@code allgo.dev-data} is true. Never in the {@code prod} environment, whatever the setting.
 * Users that exist already are left as they are.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class DevelopmentData {

  private static final System.Logger LOG = System.getLogger(DevelopmentData.class.getName());

  static final String PASSWORD = "allgo";

  record DevUser(String email, String name, Role role) {}

  static final List<DevUser> USERS =
      List.of(
          new DevUser("admin@localhost", "Admin", Role.SUPERUSER),
          new DevUser("devel@localhost", "Devel", Role.USER),
          new DevUser("guest@localhost", "Guest", Role.USER));

  @Inject
  @ConfigProperty(name = "allgo.env", defaultValue = "dev")
  String environment;

  @Inject
  @ConfigProperty(name = "allgo.dev-data", defaultValue = "false")
  boolean enabled;

  @Inject UserStore users;

  @Inject Passwords passwords;

  @PostConstruct
  void seed() {
    if (!allowed(environment, enabled)) {
      if (enabled) {
        LOG.log(Level.WARNING, "allgo.dev-data is ignored in environment {0}", environment);
      }
      return;
    }
    for (DevUser dev : USERS) {
      if (users.findByEmail(dev.email()).isEmpty()) {
        users.add(
            new User(
                dev.email(),
                dev.name(),
                passwords.hash(PASSWORD),
                dev.role(),
                AccountState.ACTIVE,
                Instant.now()));
        LOG.log(Level.INFO, "Development user {0} created", dev.email());
      }
    }
  }

  /** Whether this server seeds development data. */
  public boolean seeds() {
    return allowed(environment, enabled);
  }

  /** Development data is seeded when asked for, and never in production. */
  static boolean allowed(String environment, boolean enabled) {
    return enabled && !"prod".equalsIgnoreCase(environment.strip());
  }
}
