package org.allgo.it.ui;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.Dimension;

/**
 * A test in a browser of its own: started before each test with a window of the test's size, on a
 * page signed in to nothing; closed after it.
 */
abstract class BrowserTest {

  private final Dimension size;
  protected Chromium browser;
  protected UiPage page;

  /** With Chromium's default window. */
  BrowserTest() {
    this(null);
  }

  BrowserTest(Dimension size) {
    this.size = size;
  }

  @BeforeEach
  void startBrowser() {
    browser = size == null ? Chromium.start() : Chromium.start(size);
    page = new UiPage(browser);
  }

  @AfterEach
  void stopBrowser() {
    browser.close();
  }
}
