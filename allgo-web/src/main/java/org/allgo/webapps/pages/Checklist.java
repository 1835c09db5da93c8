package org.allgo.webapps.pages;

import java.io.Serializable;

/**
 * An author's way from a new webapp to a published one, each step ticked from what is true now: an
 * SSH key on the account, the sandbox running, the program at the entrypoint (asked of the running
 * sandbox; null when it cannot be asked), a READY version, and the webapp public.
 */
public record Checklist(
    boolean keyAdded,
    boolean sandboxRunning,
    Boolean programInstalled,
    boolean versionReady,
    boolean published)
    implements Serializable {

  /** The sandbox step is done while it runs, or once a version was committed from it. */
  public boolean sandboxDone() {
    return sandboxRunning || versionReady;
  }

  /** The program step is done once the sandbox holds it, or a version was committed with it. */
  public boolean programDone() {
    return Boolean.TRUE.equals(programInstalled) || versionReady;
  }

  /** How many of the five steps are done. */
  public int done() {
    int done = 0;
    for (boolean step :
        new boolean[] {keyAdded, sandboxDone(), programDone(), versionReady, published}) {
      done += step ? 1 : 0;
    }
    return done;
  }
}
