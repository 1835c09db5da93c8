package org.allgo.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.lang.System.Logger.Level;
import javax.sql.DataSource;
import org.allgo.platform.Resources;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date when the application is deployed, before anything else
 * touches it. Start-up beans that use the database declare {@code @DependsOn("SchemaMigrations")}.
 */
@Singleton
@Startup
// Flyway commits each migration itself.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

  private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());

  @Resource(lookup = Resources.DATA_SOURCE)
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    MigrateResult result = configure(dataSource).migrate();
    LOG.log(
        Level.INFO,
        "Database schema at version {0} ({1} migrations applied)",
        result.targetSchemaVersion == null
            ? result.initialSchemaVersion
            : result.targetSchemaVersion,
        result.migrationsExecuted);
  }

  /** The one Flyway configuration of allgo, also used by the migration tests. */
  public static Flyway configure(DataSource dataSource) {
    return Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load();
  }
}
