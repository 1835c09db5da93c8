package org.allgo.connector.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A process to start in a running container: its argument vector, and whether it gets a pseudo
 * terminal of {@code columns} × {@code rows}.
 *
 * @param user {@code uid} or {@code uid:gid}, or empty for the container's own
 * @param workingDir absolute path, or empty for the container's own
 */
public record ExecSpec(
    List<String> argv,
    boolean tty,
    int columns,
    int rows,
    String user,
    Map<String, String> env,
    String workingDir) {

  public ExecSpec {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("The argument vector is empty");
    }
    if (tty && (columns <= 0 || rows <= 0)) {
      throw new IllegalArgumentException(
          "A terminal needs a positive size, got " + columns + "x" + rows);
    }
    Objects.requireNonNull(user, "user");
    env = Map.copyOf(env);
    Objects.requireNonNull(workingDir, "workingDir");
  }

  /** Without a terminal, as the container's user. */
  public static ExecSpec of(List<String> argv) {
    return new ExecSpec(argv, false, 0, 0, "", Map.of(), "");
  }

  public static ExecSpec of(String... argv) {
    return of(List.of(argv));
  }

  public ExecSpec withTty(int newColumns, int newRows) {
    return new ExecSpec(argv, true, newColumns, newRows, user, env, workingDir);
  }

  public ExecSpec withUser(String value) {
    return new ExecSpec(argv, tty, columns, rows, value, env, workingDir);
  }

  public ExecSpec withEnv(String key, String val) {
    Map<String, String> value = new LinkedHashMap<>(env);
    value.put(key, val);
    return new ExecSpec(argv, tty, columns, rows, user, value, workingDir);
  }

  public ExecSpec withWorkingDir(String value) {
    return new ExecSpec(argv, tty, columns, rows, user, env, value);
  }
}
