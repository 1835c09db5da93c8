package org.allgo.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * {@code #{markdown.html(text)}}: webapp descriptions and documentation as HTML. Raw HTML in the
 * text is escaped and link targets other than http(s), mailto and relative ones are dropped, so the
 * result may be written unescaped.
 */
@Named
@ApplicationScoped
public class Markdown {

  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          // The library's default also keeps data: URLs, which a browser may open as a page.
          .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
          .build();

  public String html(String text) {
    return text == null || text.isBlank() ? "" : renderer.render(parser.parse(text));
  }
}
