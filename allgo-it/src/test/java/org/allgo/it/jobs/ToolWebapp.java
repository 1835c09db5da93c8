package org.allgo.it.jobs;

import org.allgo.it.Api;
import org.allgo.it.ScriptWebapp;
import org.allgo.it.Server;
import org.allgo.it.faults.Engine;

/**
 * A busybox webapp whose program does what its first argument says. Made once for the job tests
 * ({@link ScriptWebapp}).
 */
final class ToolWebapp {

  static final String PROGRAM = "/usr/local/bin/tool";
  // eat: the shell outlives its killed pipe by a second, as a program would; Docker 20.10 marks a
  // container OOM-killed only when its engine hears the kill before the container's exit.
  // write, print: a MiB at a time into a file, or at once to stdout, then linger, as a runaway
  // program would; filltmp: until /tmp is full.
  static final String SCRIPT =
      """
      #!/bin/sh
      cmd=$1; shift
      case "$cmd" in
        args) for a in "$@"; do printf '[%s]\\n' "$a"; done ;;
        exit) echo "exiting with $1"; echo "oops" >&2; exit "$1" ;;
        sleep) echo "sleeping $1"; sleep "$1"; echo "done" ;;
        sleepexit) echo "sleeping $1"; sleep "$1"; echo "exiting with $2"; exit "$2" ;;
        count) i=1; while [ "$i" -le "$1" ]; do echo "line $i"; i=$((i + 1)); sleep 1; done ;;
        eat) echo "eating"; head -c 100m /dev/zero | tail; sleep 1; echo "still alive" ;;
        copy) cat "$1" > copy.txt; echo "copied $1" ;;
        id) id; ls /sys/class/net; grep localhost /etc/hosts ;;
        write) i=0; while [ "$i" -lt "$1" ]; do dd if=/dev/zero bs=1M count=1 2>/dev/null >> big; i=$((i + 1)); sleep 0.1; done; echo "wrote $1 MiB"; sleep 30; echo "done" ;;
        print) head -c "$(($1 * 1048576))" /dev/zero | tr '\\0' y; echo; echo "printed $1 MiB"; sleep 30; echo "done" ;;
        filltmp) echo "filling /tmp"; dd if=/dev/zero of=/tmp/fill bs=1M ;;
        leave) echo "$1" > "left-$1"; echo "$1" > "/tmp/left-$1"; export LEFT="$1"; sleep 601 & echo "left $1 in $(hostname)"; ls /.allgo 2>&1; true ;;
        look) echo "in $(hostname)"; ls -a . /tmp; ps -o pid,args; cat /proc/[0-9]*/environ 2>/dev/null | tr '\\0' '\\n'; ls /.allgo 2>&1; true ;;
        *) echo "unknown command $cmd" >&2; exit 2 ;;
      esac
      """;

  private static String name;

  private ToolWebapp() {}

  static synchronized String name() {
    if (name == null) {
      name = make();
    }
    return name;
  }

  private static String make() {
    return ScriptWebapp.make(
        Api.asDevelopmentUser("devel@localhost"),
        Engine.HOST,
        Server.ENVIRONMENT,
        "tool",
        PROGRAM,
        SCRIPT);
  }
}
