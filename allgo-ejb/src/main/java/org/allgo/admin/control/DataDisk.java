package org.allgo.admin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.allgo.admin.entity.DiskUse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Measures the data directory: bytes and files under each area, and the free space left. */
@ApplicationScoped
public class DataDisk {

  static final List<String> AREAS = List.of("rw", "ro", "cache", "log");

  @Inject
  @ConfigProperty(name = "allgo.data", defaultValue = "var/dev")
  String data;

  public Path root() {
    return Path.of(data).toAbsolutePath().normalize();
  }

  public List<DiskUse> use() {
    return AREAS.stream().map(area -> measure(area, root().resolve(area))).toList();
  }

  /** Bytes free on the file system of the data directory (0 when it cannot be told). */
  public long free() {
    try {
      return Files.getFileStore(root()).getUsableSpace();
    } catch (IOException e) {
      return 0;
    }
  }

  public long total() {
    try {
      return Files.getFileStore(root()).getTotalSpace();
    } catch (IOException e) {
      return 0;
    }
  }

  private static DiskUse measure(String area, Path path) {
    long[] bytesAndFiles = new long[2];
    if (Files.isDirectory(path)) {
      try {
        Files.walkFileTree(
            path,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                bytesAndFiles[0] += attributes.size();
                bytesAndFiles[1]++;
                return FileVisitResult.CONTINUE;
              }

              // Files that vanish or cannot be read while walking are left out of the count.
              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        // What was counted before the failure is still worth showing.
      }
    }
    return new DiskUse(area, path.toString(), bytesAndFiles[0], bytesAndFiles[1]);
  }
}
