package org.allgo.datastore.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.allgo.datastore.entity.FileNames;

/**
 * A job's {@code allgo.log} in the making: the program's output (its live log) copied into a file
 * of the platform's in the job's directory, then a footer; {@link #publish}ed under its name by a
 * rename, so that the directory holds the whole log or none. It can be published again with another
 * footer (the job's end was decided otherwise meanwhile). Closing it removes the platform's file,
 * not the published log.
 */
public final class FinalLog implements AutoCloseable {

  private final Path directory;
  private final Path file;
  private final FileChannel channel;
  private final long outputBytes;
  private final boolean endsWithNewLine;

  private FinalLog(
      Path directory, Path file, FileChannel channel, long outputBytes, boolean endsWithNewLine) {
    this.directory = directory;
    this.file = file;
    this.channel = channel;
    this.outputBytes = outputBytes;
    this.endsWithNewLine = endsWithNewLine;
  }

  /**
   * The first {@code bytes} of {@code output}, then {@code notice} when not null (a line saying the
   * output was cut there), made in {@code directory}.
   */
  static FinalLog of(Path directory, Path output, long bytes, String notice) {
    Path file = null;
    FileChannel channel = null;
    try {
      file = Files.createTempFile(directory, ".allgo-", ".log");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      channel =
          FileChannel.open(
              file, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
      long copied = 0;
      try (FileChannel in =
          FileChannel.open(output, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
        long length = Math.min(bytes, in.size());
        while (copied < length) {
          long n = in.transferTo(copied, length - copied, channel);
          if (n <= 0) {
            break;
          }
          copied += n;
        }
      }
      if (notice != null) {
        ByteBuffer line =
            ByteBuffer.wrap(
                ((copied > 0 && !endsWithNewLine(channel, copied) ? "\n" : "") + notice + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        copied += write(channel, line, copied);
      }
      return new FinalLog(directory, file, channel, copied, endsWithNewLine(channel, copied));
    } catch (IOException e) {
      closeQuietly(channel, file);
      throw new UncheckedIOException("Cannot make the log in " + directory, e);
    }
  }

  /** The program's output it holds, in bytes, without the footer. */
  public long outputBytes() {
    return outputBytes;
  }

  /** Ends the log with {@code footer} and puts it in place as {@code allgo.log}. */
  public void publish(String footer) {
    Path link = directory.resolve(".allgo-" + UUID.randomUUID() + ".log");
    try {
      channel.truncate(outputBytes);
      String end = (endsWithNewLine ? "" : "\n") + footer;
      write(channel, ByteBuffer.wrap(end.getBytes(StandardCharsets.UTF_8)), outputBytes);
      channel.force(true);
      try {
        Files.createLink(link, file);
      } catch (UnsupportedOperationException | IOException e) {
        Files.copy(file, link, LinkOption.NOFOLLOW_LINKS);
      }
      // A rename replaces whatever the program left under that name, a link included, not its
      // target.
      Files.move(
          link,
          directory.resolve(FileNames.LOG),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(link);
      } catch (IOException ignored) {
        // The failure that matters is reported below.
      }
      throw new UncheckedIOException("Cannot write the log in " + directory, e);
    }
  }

  @Override
  public void close() {
    closeQuietly(channel, file);
  }

  private static int write(FileChannel channel, ByteBuffer bytes, long at) throws IOException {
    int written = 0;
    while (bytes.hasRemaining()) {
      written += channel.write(bytes, at + written);
    }
    return written;
  }

  private static boolean endsWithNewLine(FileChannel channel, long length) throws IOException {
    if (length == 0) {
      return true;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    channel.read(last, length - 1);
    return last.get(0) == '\n';
  }

  private static void closeQuietly(FileChannel channel, Path file) {
    try {
      if (channel != null) {
        channel.close();
      }
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A platform file left behind is hidden from the job's files, and goes with the directory.
    }
  }
}
