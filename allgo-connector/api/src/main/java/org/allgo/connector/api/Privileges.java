package org.allgo.connector.api;

import java.util.List;
import java.util.Objects;

/**
 * What a container may do beyond an ordinary process. The policy refuses anything but {@link #NONE}
 * and {@link #INSTALLING}; the other values exist so that a refusal can be asked for, and reported,
 * explicitly.
 *
 * @param dropAllCapabilities true drops every capability first; false keeps the engine's default
 *     set
 * @param addedCapabilities given back after the drop, by their names without {@code CAP_}
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

  /**
   * What installing software as root takes (apt-get and dpkg change owners and modes and drop to
   * their own users; pip writes files), and nothing more: no raw sockets, device nodes, privileged
   * ports, chroot, audit or capability changes, unlike the engine's default set.
   */
  public static final List<String> INSTALL_CAPABILITIES =
      List.of("CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETFCAP");

  /** Every capability dropped, then {@link #INSTALL_CAPABILITIES} given: for sandboxes. */
  public static final Privileges INSTALLING =
      new Privileges(false, true, INSTALL_CAPABILITIES, List.of(), "", "");

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
