package org.allgo.itc;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filter;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What each test class deploys: the application as built ({@code -Dallgo.ear}), named {@code allgo}
 * like the server's own so that the domain's settings of its embedded adapter ({@code
 * allgo#allgo-connector-rar}) apply, with the web module replaced by a WAR of these tests. The EJB
 * module, the adapter and the libraries are the very ones the server runs; the pages and the API
 * stay out, which halves the time a deployment takes.
 */
public final class TestDeployment {

  private static final String WEB_MODULE = "allgo-web.war";
  private static final String TEST_MODULE = "allgo-itc.war";
  private static final String APPLICATION_XML = "META-INF/application.xml";

  private TestDeployment() {}

  public static EnterpriseArchive create() {
    File built = new File(System.getProperty("allgo.ear", "target/allgo.ear"));
    EnterpriseArchive application = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, built);
    String descriptor;
    try (InputStream xml = application.get(APPLICATION_XML).getAsset().openStream()) {
      descriptor = new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EnterpriseArchive ear = ShrinkWrap.create(EnterpriseArchive.class, "allgo.ear");
    ear.merge(application, excluding("/" + WEB_MODULE, "/" + APPLICATION_XML));
    ear.setApplicationXML(new StringAsset(withTestModule(descriptor)));
    return ear.addAsModule(tests());
  }

  private static WebArchive tests() {
    return ShrinkWrap.create(WebArchive.class, TEST_MODULE)
        .addPackages(true, TestDeployment.class.getPackage())
        .deleteClass(TestDomain.class)
        .deleteClass(TestDomain.AdminPort.class)
        .deleteClass(TestDeployment.class)
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
        .addAsResource(new StringAsset(settings()), TestSettings.RESOURCE)
        .addAsLibraries(
            jarOf(Assertions.class),
            jarOf(Awaitility.class),
            jarOf(org.hamcrest.Description.class));
  }

  /** The web module's place in the descriptor, given to the tests' WAR. */
  static String withTestModule(String descriptor) {
    Pattern web = Pattern.compile("<web>.*?</web>", Pattern.DOTALL);
    Matcher found = web.matcher(descriptor);
    if (!found.find()) {
      throw new IllegalStateException("no web module in the application's " + APPLICATION_XML);
    }
    return found.replaceFirst(
        "<web><web-uri>" + TEST_MODULE + "</web-uri><context-root>/allgo-itc</context-root></web>");
  }

  /** What the tests inside the server need to know of the test run: see {@link TestSettings}. */
  private static String settings() {
    Properties settings = new Properties();
    for (String name : TestSettings.NAMES) {
      String value = System.getProperty(name);
      if (value != null) {
        settings.setProperty(name, value);
      }
    }
    StringWriter text = new StringWriter();
    try {
      settings.store(text, "the test run's settings");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static File jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Filter<ArchivePath> excluding(String... paths) {
    return path -> {
      for (String excluded : paths) {
        if (path.get().equals(excluded)) {
          return false;
        }
      }
      return true;
    };
  }
}
