package org.allgo.client.it;

/** Where the server under test is. */
final class Settings {

  private Settings() {}

  static String baseUrl() {
    String url = System.getProperty("allgo.base.url", "http://localhost:28080");
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
