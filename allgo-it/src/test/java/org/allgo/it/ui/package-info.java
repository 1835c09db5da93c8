/**
 * Browser tests: Selenium WebDriver drives Debian's Chromium (headless, through its ChromeDriver)
 * against the deployed server, and writes screenshots of the main pages under {@code
 * target/screenshots/}.
 */
package org.allgo.it.ui;
