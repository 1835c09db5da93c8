package org.allgo.dispatch.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.allgo.connector.api.ContainerSummary;

/**
 * The folders of the warm pool's slots, on the datastore's file system: {@code work}, empty until a
 * job's files move in, mounted as the job's directory, and {@code control}, mounted read-only, with
 * the waiter, the server's socket for its report and, at the hand-over, the job's id and argument
 * vector. A job's files move by renames only.
 */
@Dependent
public class WarmSlots {

  private static final int JOB_UID = 65534;

  @Inject WarmSettings settings;

  public Path work(String slot) {
    return settings.slots().resolve(slot).resolve("work");
  }

  public Path control(String slot) {
    return settings.slots().resolve(slot).resolve("control");
  }

  /** The socket the slot's waiter reports its program's exit to ({@link WarmReports}). */
  public Path reportSocket(String slot) {
    return control(slot).resolve("report");
  }

  /** Makes the slot's folders: its work folder writable by the job's user, the waiter in place. */
  public void create(String slot) {
    Path work = work(slot);
    Path control = control(slot);
    try {
      Files.createDirectories(work.getParent());
      Files.createDirectory(work);
      forTheJob(work);
      Files.createDirectory(control);
      Files.setPosixFilePermissions(control, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path waiter = control.resolve("waiter");
      try {
        Files.createLink(waiter, settings.waiter());
      } catch (FileSystemException | UnsupportedOperationException e) {
        // Another file system than the toolbox's: a copy.
        Files.copy(settings.waiter(), waiter);
        Files.setPosixFilePermissions(waiter, PosixFilePermissions.fromString("r-xr-xr-x"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make the warm slot " + slot, e);
    }
  }

  // A folder the job's user writes in.
  private static void forTheJob(Path folder) throws IOException {
    try {
      Files.setAttribute(folder, "unix:uid", JOB_UID, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(folder, "unix:gid", JOB_UID, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // Not root: let every user write instead, as a job's directory.
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
  }

  /**
   * Writes down the job the slot's container takes, before its files and argv: the server finds a
   * warm container's job by its slot, whatever the container's name (it takes the job's name only
   * once the start is recorded), on every server sharing the data root and after a restart.
   */
  public void assign(String slot, long jobId) {
    Path aside = control(slot).resolve("job.new");
    try {
      Files.writeString(aside, Long.toString(jobId));
      Files.move(aside, control(slot).resolve("job"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot give job " + jobId + " to warm slot " + slot, e);
    }
  }

  /** The job the slot's container took, if it took one. */
  public Optional<Long> jobOf(String slot) {
    if (!isSlot(slot)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.valueOf(Files.readString(control(slot).resolve("job")).strip()));
    } catch (IOException | NumberFormatException e) {
      // No job taken yet (no file), or not one of ours.
      return Optional.empty();
    }
  }

  /**
   * Moves the job's files into the slot's work folder, which then takes the place of the job's
   * emptied directory (a rename over an empty directory): the container sees them in its working
   * directory, and every reader of the job's directory sees what the program writes. On a failure,
   * the files moved so far go back.
   */
  public void moveIn(String slot, Path jobDirectory) {
    Path work = work(slot);
    List<Path> moved = new ArrayList<>();
    try {
      try (Stream<Path> entries = Files.list(jobDirectory)) {
        for (Path entry : (Iterable<Path>) entries::iterator) {
          Path target = work.resolve(entry.getFileName().toString());
          Files.move(entry, target, StandardCopyOption.ATOMIC_MOVE);
          moved.add(target);
        }
      }
      Files.move(work, jobDirectory, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      for (Path file : moved) {
        try {
          Files.move(file, jobDirectory.resolve(file.getFileName().toString()));
        } catch (IOException again) {
          e.addSuppressed(again);
        }
      }
      throw new UncheckedIOException("Cannot move the job's files into warm slot " + slot, e);
    }
  }

  /**
   * Hands the argument vector to the waiter: written aside, then renamed into place, so that the
   * waiter reads it whole. Each argument ends with a NUL byte.
   */
  public void handOver(String slot, List<String> argv) {
    StringBuilder text = new StringBuilder();
    argv.forEach(arg -> text.append(arg).append('\0'));
    Path aside = control(slot).resolve("argv.new");
    try {
      Files.write(aside, text.toString().getBytes(StandardCharsets.UTF_8));
      Files.move(aside, control(slot).resolve("argv"), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot hand the job over to warm slot " + slot, e);
    }
  }

  /**
   * Whether the job's container is a warm one whose waiter never got the job's argv (the server
   * stopped during the hand-over): the program never ran.
   */
  public boolean neverHanded(RunningJob job, ContainerSummary container) {
    if (job.containerId() != null || container == null) {
      return false;
    }
    String slot = container.labels().get(JobContainers.WARM_LABEL);
    return slot != null && !handedOver(slot);
  }

  /** Whether the slot's waiter was handed a job's argv. */
  public boolean handedOver(String slot) {
    return Files.exists(control(slot).resolve("argv"));
  }

  /** The slots that have folders. */
  public List<String> names() {
    if (!Files.isDirectory(settings.slots())) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(settings.slots())) {
      return entries.map(p -> p.getFileName().toString()).filter(WarmSlots::isSlot).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the warm slots", e);
    }
  }

  private static boolean isSlot(String name) {
    return name.matches("[0-9a-f]{16}");
  }

  /** Removes the slot's folders (what remains of them: a job's took its work folder). */
  public void delete(String slot) {
    if (!isSlot(slot)) {
      throw new IllegalArgumentException("Not a warm slot: " + slot);
    }
    Path root = settings.slots().resolve(slot);
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      // Gone already.
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove warm slot " + slot, e);
    }
  }
}
