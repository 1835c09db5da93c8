package org.allgo.datastore.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Supplier;
import org.allgo.platform.BusinessException;

/**
 * Writing files within limits and reading attributes without following links; a full disk refuses
 * new files with 507 {@code disk-full}.
 */
public final class Storage {

  /** Below this much free space, a new job could not even keep its log: none is taken. */
  static final long MIN_FREE_BYTES = 8L << 20;

  private Storage() {}

  /** Whether the disk of {@code path} has {@link #MIN_FREE_BYTES}; true when it cannot say. */
  static boolean hasSpace(Path path) {
    try {
      return Files.getFileStore(path).getUsableSpace() >= MIN_FREE_BYTES;
    } catch (IOException e) {
      return true;
    }
  }

  static void requireSpace(Path path) {
    if (!hasSpace(path)) {
      throw diskFull();
    }
  }

  static BusinessException diskFull() {
    return BusinessException.insufficientStorage(
        "disk-full",
        "The server's data disk is full: it takes no new job or file for now. Try again later.");
  }

  // ENOSPC, or a quota reached: the file system's own words.
  private static boolean full(IOException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("No space left on device") || message.contains("Disk quota exceeded");
  }

  /** A file that could not be written: the disk full (a refusal), or an I/O failure. */
  static RuntimeException writeFailure(IOException e, String what) {
    return full(e) ? diskFull() : new UncheckedIOException(what, e);
  }

  // Copies the content into a new file, within the limits; a refused file is not left behind.
  static long write(
      Path file,
      String name,
      InputStream content,
      long maxFile,
      long remaining,
      Supplier<BusinessException> overRemaining)
      throws IOException {
    long limit = Math.min(maxFile, remaining);
    boolean written = false;
    OutputStream out =
        Files.newOutputStream(
            file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    try (out) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = content.read(buffer)) >= 0; ) {
        total += n;
        if (total > limit) {
          throw total > maxFile
              ? BusinessException.tooLarge(
                  "file-too-large", "The file " + name + " is larger than " + mib(maxFile) + ".")
              : overRemaining.get();
        }
        out.write(buffer, 0, n);
      }
      written = true;
      return total;
    } finally {
      if (!written) {
        Files.deleteIfExists(file);
      }
    }
  }

  static BasicFileAttributes attributes(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
  }

  public static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }
}
