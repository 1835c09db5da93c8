package org.allgo.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.commonmark.parser.Parser;
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
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  public String html(String text) {
    return text == null || text.isBlank() ? "" : renderer.render(parser.parse(text));
  }
}
