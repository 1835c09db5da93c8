package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.allgo.it.Api;
import org.junit.jupiter.api.Test;

/**
 * The warm pool switched on and off by a superuser through the API, until the server stops: on a
 * single engine it follows; on a swarm (the swarm tier) it refuses, a swarm's jobs always starting
 * cold; a request without a change is refused and changes nothing. Leaves the pool as it found it.
 */
class WarmPoolSwitchIT {

  private static final boolean SWARM = "swarm".equals(System.getProperty("allgo.engine"));
  private static final String POOL = "/api/v2/admin/warm-pool";

  @Test
  void aSuperuserSwitchesWarmStartsOnAndOffOnASingleEngineOnly() {
    Api admin = Api.asDevelopmentUser("admin@localhost");
    boolean before = admin.get(POOL).json().getBoolean("enabled");
    try {
      Api.Response on = admin.patch(POOL, "{\"enabled\": true}");
      if (SWARM) {
        assertThat(on.status()).as(on.body()).isEqualTo(409);
        assertThat(on.json().getString("code")).isEqualTo("warm-single-engine");
        assertThat(admin.get(POOL).json().getBoolean("enabled")).isFalse();
        return;
      }
      assertThat(on.status()).as(on.body()).isEqualTo(200);
      assertThat(on.json().getBoolean("enabled")).isTrue();
      assertThat(admin.get(POOL).json().getBoolean("enabled")).isTrue();

      Api.Response off = admin.patch(POOL, "{\"enabled\": false}");
      assertThat(off.status()).as(off.body()).isEqualTo(200);
      assertThat(off.json().getBoolean("enabled")).isFalse();

      Api.Response nothing = admin.patch(POOL, "{}");
      assertThat(nothing.status()).as(nothing.body()).isEqualTo(400);
      assertThat(nothing.json().getString("code")).isEqualTo("body-missing");
      assertThat(admin.get(POOL).json().getBoolean("enabled")).isFalse();

      Api.Response guest =
          Api.asDevelopmentUser("guest@localhost").patch(POOL, "{\"enabled\": true}");
      assertThat(guest.status()).isEqualTo(403);
      assertThat(admin.get(POOL).json().getBoolean("enabled")).isFalse();
    } finally {
      admin.patch(POOL, "{\"enabled\": " + before + "}");
    }
  }
}
