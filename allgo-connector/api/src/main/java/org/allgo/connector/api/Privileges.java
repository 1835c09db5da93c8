package org.allgo.connector.api;

import java.util.List;
import java.util.Objects;

/**
 * What a container may do beyond an ordinary process. The policy refuses anything but {@link #NONE}
 * and {@link #DEFAULT_CAPABILITIES}; the other values exist so that a refusal can be asked for, and
 * reported, explicitly.
 *
 * @param dropAllCapabilities true drops every capability; false keeps the engine's default set
 * @param pidMode empty, or {@code host}
 * @param ipcMode empty, or {@code host}
 */
public record Privileges(
    boolean privileged,
    boolean dropAllCapabilities,
    List<String> addedCapabilities,
    List<String> devices,
    String pidMode,
    String ipcMode) {

  /** No capability at all: the default for jobs. */
  public static final Privileges NONE = new Privileges(false, true, List.of(), List.of(), "", "");

  /** The engine's default capabilities, for sandboxes where an author installs software. */
  public static final Privileges DEFAULT_CAPABILITIES =
      new Privileges(false, false, List.of(), List.of(), "", "");

  public Privileges {
    addedCapabilities = List.copyOf(addedCapabilities);
    devices = List.copyOf(devices);
    Objects.requireNonNull(pidMode, "pidMode");
    Objects.requireNonNull(ipcMode, "ipcMode");
  }

  public Privileges withPrivileged(boolean value) {
    return new Privileges(value, dropAllCapabilities, addedCapabilities, devices, pidMode, ipcMode);
  }

  public Privileges withAddedCapabilities(List<String> value) {
    return new Privileges(privileged, dropAllCapabilities, value, devices, pidMode, ipcMode);
  }

  public Privileges withDevices(List<String> value) {
    return new Privileges(
        privileged, dropAllCapabilities, addedCapabilities, value, pidMode, ipcMode);
  }

  public Privileges withPidMode(String value) {
    return new Privileges(
        privileged, dropAllCapabilities, addedCapabilities, devices, value, ipcMode);
  }

  public Privileges withIpcMode(String value) {
    return new Privileges(
        privileged, dropAllCapabilities, addedCapabilities, devices, pidMode, value);
  }
}
