package org.allgo.jobs.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code Content-Disposition} of a job file (RFC 6266): shown in the browser when it is a type
 * a browser shows safely (plain text, the common raster images, PDF), saved under its own name
 * otherwise — JSON, HTML, SVG, archives and anything unknown are never opened as a page.
 */
public final class Disposition {

  private static final Set<String> SHOWN =
      Set.of("text/plain", "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf");

  private Disposition() {}

  /** The header's value for a file {@code name} served as {@code contentType}. */
  public static String of(String name, String contentType) {
    String type =
        contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return (SHOWN.contains(type) ? "inline" : "attachment") + filename(name);
  }

  /** Always {@code attachment}: what an API client asked to download. */
  public static String attachment(String name) {
    return "attachment" + filename(name);
  }

  /**
   * Both forms of the name: an ASCII fallback for old clients (anything else, quotes and
   * backslashes as {@code _}) and the exact name in UTF-8.
   */
  private static String filename(String name) {
    StringBuilder ascii = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
    }
    String encoded =
        URLEncoder.encode(name, StandardCharsets.UTF_8)
            .replace("+", "%20")
            .replace("*", "%2A")
            .replace("%7E", "~");
    return "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
