package org.allgo.webapps.entity;

/** Where a webapp's sandbox is in its life; ERROR comes with a reason. */
public enum SandboxState {
  IDLE,
  STARTING,
  RUNNING,
  STOPPING,
  ERROR
}
