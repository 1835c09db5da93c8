package org.allgo.it.swarm;

import java.util.HashMap;
import java.util.Map;
import org.allgo.it.AllgoScript;
import org.allgo.it.faults.AllgoServer;

/**
 * A second application server of the environment under test ({@code ALLGO_SERVER=b}): the same
 * database, data root, engine and registry, its own domain and port base (100 above), as {@code
 * bin/allgo up} makes a further server. Started by the tests that need two servers, stopped (or
 * killed) by them.
 */
final class PeerServer {

  static final String NAME = "b";

  private final Map<String, String> settings = new HashMap<>(AllgoScript.serverSettings());
  private final String baseUrl;
  private final int portBase;

  PeerServer() {
    portBase = Integer.parseInt(settings.get("ALLGO_PORTBASE")) + 100;
    settings.put("ALLGO_SERVER", NAME);
    settings.put("ALLGO_PORTBASE", Integer.toString(portBase));
    baseUrl = "http://localhost:" + (portBase + 80);
  }

  String baseUrl() {
    return baseUrl;
  }

  int portBase() {
    return portBase;
  }

  /** {@code bin/allgo up} with its settings: returns once it answers ready. */
  void up() {
    AllgoScript.run("up", settings);
  }

  void down() {
    AllgoScript.run("down", settings);
  }

  /** {@code kill -9} of its Payara process: no shutdown of any kind. */
  void kill() {
    AllgoServer.killDomain("allgo-" + settings.get("ALLGO_ENV") + "-" + NAME);
  }
}
