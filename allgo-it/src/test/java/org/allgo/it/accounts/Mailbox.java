package org.allgo.it.accounts;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.RecipientStringTerm;
import jakarta.mail.search.SubjectTerm;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * Reads the mail the server sent, over IMAP from the GreenMail sink. GreenMail keeps one mailbox
 * per recipient (login and password: the address); when it runs with {@code
 * -Dgreenmail.sieve.ignore.detail=true}, mail to {@code sink+tag@localhost} lands in the {@code
 * sink} mailbox instead. Both are searched.
 */
public final class Mailbox {

  static final String HOST = System.getProperty("allgo.imap.host", "127.0.0.1");
  static final int PORT = Integer.getInteger("allgo.imap.port", 3143);

  /** A mail as read: subject, plain text, HTML. */
  public record Mail(String subject, String text, String html) {

    /** The first link in the plain text that contains {@code part}. */
    public String link(String part) {
      Matcher m = Pattern.compile("https?://\\S+").matcher(text);
      while (m.find()) {
        if (m.group().contains(part)) {
          return m.group();
        }
      }
      throw new AssertionError("no link with " + part + " in:\n" + text);
    }
  }

  private Mailbox() {}

  /** Waits for the {@code count}-th mail to the address whose subject contains the text. */
  public static Mail await(String address, String subject, int count) {
    AtomicReference<List<Mail>> found = new AtomicReference<>(List.of());
    // A read that times out (the sink is shared and the machine may be busy) is tried again.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .ignoreExceptionsInstanceOf(MessagingException.class)
        .until(
            () -> {
              found.set(mails(address, subject));
              return found.get().size() >= count;
            });
    return found.get().get(count - 1);
  }

  /** The mails to the address whose subject contains the text, oldest first. */
  public static List<Mail> mails(String address, String subject)
      throws MessagingException, IOException {
    List<Mail> mails = new ArrayList<>(read(address, address, address, subject));
    mails.addAll(read("sink", "sink", address, subject));
    return mails;
  }

  private static List<Mail> read(String user, String password, String to, String subject)
      throws MessagingException, IOException {
    Properties properties = new Properties();
    properties.put("mail.imap.host", HOST);
    properties.put("mail.imap.port", Integer.toString(PORT));
    properties.put("mail.imap.connectiontimeout", "5000");
    properties.put("mail.imap.timeout", "10000");
    Store store = Session.getInstance(properties).getStore("imap");
    try {
      store.connect(HOST, PORT, user, password);
    } catch (AuthenticationFailedException e) {
      // GreenMail makes a recipient's mailbox when mail first reaches it.
      return List.of();
    }
    try (store) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        // The server searches: the sink's mailbox holds every mail of every test run.
        List<Mail> mails = new ArrayList<>();
        for (Message message :
            inbox.search(
                new AndTerm(
                    new RecipientStringTerm(Message.RecipientType.TO, to),
                    new SubjectTerm(subject)))) {
          if (addressedTo(message, to)) {
            mails.add(parse(message));
          }
        }
        return mails;
      } finally {
        inbox.close(false);
      }
    }
  }

  private static boolean addressedTo(Message message, String to) throws MessagingException {
    // The To header comes with the envelope; getAllRecipients would fetch each message's headers.
    Address[] recipients = message.getRecipients(Message.RecipientType.TO);
    return recipients != null
        && Arrays.stream(recipients)
            .anyMatch(
                a -> a.toString().equalsIgnoreCase(to) || a.toString().contains("<" + to + ">"));
  }

  private static Mail parse(Message message) throws MessagingException, IOException {
    String text = "";
    String html = "";
    if (message.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          text = part.getContent().toString();
        } else if (part.isMimeType("text/html")) {
          html = part.getContent().toString();
        }
      }
    } else {
      text = message.getContent().toString();
    }
    return new Mail(message.getSubject(), text, html);
  }
}
