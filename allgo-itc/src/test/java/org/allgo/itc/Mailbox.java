package org.allgo.itc;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.RecipientStringTerm;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The mail the server sent, read over IMAP from the mail sink. Test addresses are {@code
 * sink+…@localhost}: the sink delivers them all to its {@code sink} mailbox.
 */
public final class Mailbox {

  private static final Pattern LINK = Pattern.compile("https?://\\S+");

  private Mailbox() {}

  /** A unique address of the sink, with a label saying which test it is for. */
  public static String newAddress(String label) {
    return "sink+itc-"
        + label
        + "-"
        + java.util.UUID.randomUUID().toString().substring(0, 8)
        + "@localhost";
  }

  /** Waits for a mail to {@code address} holding a link that contains {@code part}; the link. */
  public static String awaitLink(String address, String part) {
    return Awaitility.await("a mail to " + address + " with a link to " + part)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsInstanceOf(MessagingException.class)
        .until(() -> findLink(address, part), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<String> findLink(String address, String part)
      throws MessagingException, IOException {
    Properties properties = new Properties();
    properties.put("mail.imap.connectiontimeout", "5000");
    properties.put("mail.imap.timeout", "10000");
    Store store = Session.getInstance(properties).getStore("imap");
    store.connect(TestSettings.imapHost(), TestSettings.imapPort(), "sink", "sink");
    try (store) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        for (Message message :
            inbox.search(new RecipientStringTerm(Message.RecipientType.TO, address))) {
          Matcher link = LINK.matcher(text(message));
          while (link.find()) {
            if (link.group().contains(part)) {
              return Optional.of(link.group());
            }
          }
        }
        return Optional.empty();
      } finally {
        inbox.close(false);
      }
    }
  }

  private static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        text.append(text(multipart.getBodyPart(i)));
      }
      return text.toString();
    }
    return "";
  }
}
