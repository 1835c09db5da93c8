package org.allgo.health.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.allgo.platform.Resources;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The database answers through the application's pool. */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

  @Resource(lookup = Resources.DATA_SOURCE)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    return Checks.check(
        "database",
        up -> {
          try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
              throw new SQLException("connection is not valid");
            }
            DatabaseMetaData meta = c.getMetaData();
            up.withData(
                "product", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
          }
        });
  }
}
