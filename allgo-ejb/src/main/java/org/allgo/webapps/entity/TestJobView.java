package org.allgo.webapps.entity;

import java.util.List;

/**
 * A webapp's test job, run in every committed image before it becomes READY.
 *
 * @param param the parameter string; null when the webapp has no test job
 * @param files the names of its input files, copied into the job's directory
 */
public record TestJobView(String param, List<String> files) {

  public boolean isSet() {
    return param != null;
  }
}
