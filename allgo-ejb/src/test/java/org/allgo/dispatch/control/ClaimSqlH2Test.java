package org.allgo.dispatch.control;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The claim raced on H2, the zero-set-up database, in the mode the server uses. */
class ClaimSqlH2Test extends ClaimRaceTests {

  @Override
  DataSource dataSource() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(
        "jdbc:h2:mem:claims-"
            + UUID.randomUUID()
            + ";MODE=LEGACY;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    ds.setUser("sa");
    return ds;
  }
}
