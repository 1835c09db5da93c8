package org.allgo.it.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.allgo.connector.testing.Commands;

/**
 * A small file system of a test's own (tmpfs, a few MiB) mounted on a folder, which the test may
 * fill to the last byte and free again: a data disk that runs full.
 */
public final class SmallDisk {

  private final Path mountPoint;
  private final int sizeMb;

  SmallDisk(Path mountPoint, int sizeMb) {
    this.mountPoint = mountPoint;
    this.sizeMb = sizeMb;
  }

  /** Mounts it, empty, on its folder (made if missing); one left mounted before is removed. */
  void mount() {
    unmount();
    try {
      Files.createDirectories(mountPoint);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Commands.run("mount", "-t", "tmpfs", "-o", "size=" + sizeMb + "m,mode=0755", "tmpfs", path())
        .orFail();
  }

  void unmount() {
    while (mounted()) {
      Commands.run("umount", "-l", path()).orFail();
    }
  }

  boolean mounted() {
    try {
      return Files.readAllLines(Path.of("/proc/mounts")).stream()
          .anyMatch(line -> line.split(" ")[1].equals(path()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fills what is left of it with a file of zeros, to the last byte (ENOSPC). */
  public void fill() {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler())) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      if (free() > 0) {
        // What is left is smaller than a block: the last bytes too.
        try (OutputStream out = Files.newOutputStream(filler().resolveSibling(".filler-rest"))) {
          for (long left = free(); left > 0; left--) {
            out.write(0);
          }
        } catch (IOException rest) {
          // Full to the byte.
        }
      }
    }
  }

  /** Removes what {@link #fill} wrote. */
  public void empty() {
    try {
      Files.deleteIfExists(filler());
      Files.deleteIfExists(filler().resolveSibling(".filler-rest"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder it is mounted on. */
  public Path root() {
    return mountPoint;
  }

  /** Bytes still free. */
  public long free() {
    try {
      FileStore store = Files.getFileStore(mountPoint);
      return store.getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path filler() {
    return mountPoint.resolve(".filler");
  }

  private String path() {
    return mountPoint.toAbsolutePath().normalize().toString();
  }
}
