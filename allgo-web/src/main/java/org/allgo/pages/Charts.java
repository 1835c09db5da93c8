package org.allgo.pages;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Bar charts as Chart.js configurations for {@code p:chart}: labels along x, one or more series of
 * values (null for none). Text is escaped for JSON inside HTML.
 */
public final class Charts {

  /** A series of bars: its name in the legend, its colour, one value (or null) per label. */
  public record Series(String label, String color, List<Double> values) {}

  private Charts() {}

  /**
   * A bar chart; {@code stacked} puts the series of a label on one bar, which suits series that
   * never both have a value for the same label.
   */
  public static String bar(
      List<String> labels, List<Series> series, boolean stacked, String xTitle, String yTitle) {
    String data = series.stream().map(Charts::series).collect(Collectors.joining(","));
    String axes =
        "\"x\":{\"stacked\":"
            + stacked
            + ",\"ticks\":{\"maxRotation\":0,\"autoSkip\":true},"
            + "\"title\":{\"display\":"
            + (xTitle != null)
            + ",\"text\":"
            + json(xTitle == null ? "" : xTitle)
            + "}},"
            + "\"y\":{\"stacked\":"
            + stacked
            + ",\"beginAtZero\":true,\"title\":{\"display\":true,\"text\":"
            + json(yTitle)
            + "}}";
    return "{\"type\":\"bar\",\"data\":{\"labels\":["
        + labels.stream().map(Charts::json).collect(Collectors.joining(","))
        + "],\"datasets\":["
        + data
        + "]},"
        + "\"options\":{\"responsive\":true,\"maintainAspectRatio\":false,\"animation\":false,"
        + "\"scales\":{"
        + axes
        + "},\"plugins\":{\"legend\":{\"display\":"
        + (series.size() > 1)
        + "}}}}";
  }

  private static String series(Series series) {
    String values =
        series.values().stream()
            .map(v -> v == null ? "null" : String.format(Locale.ROOT, "%.1f", v))
            .collect(Collectors.joining(","));
    return "{\"label\":"
        + json(series.label())
        + ",\"data\":["
        + values
        + "],\"backgroundColor\":"
        + json(series.color())
        + "}";
  }

  /** A JSON string; {@code <}, {@code >} and {@code &} escaped too, as it lands in a page. */
  static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
