import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The mail sink of the development and qualification environments (the original's allgo/smtpsink):
 * SMTP on port 25 and IMAP on port 143, where every message, whatever its recipients, lands in the
 * one mailbox {@code sink} (password {@code sink}). Nothing is ever relayed.
 */
public final class Sink {

  private Sink() {}

  public static void main(String[] args) throws Exception {
    int smtp = Integer.getInteger("sink.smtp.port", 25);
    int imap = Integer.getInteger("sink.imap.port", 143);
    GreenMail mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(smtp, "0.0.0.0", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imap, "0.0.0.0", ServerSetup.PROTOCOL_IMAP)
            });
    GreenMailUser sink = mail.setUser("sink@localhost", "sink", "sink");
    // Every recipient is the sink: no mailbox is made for any other address.
    mail.getUserManager().setMessageDeliveryHandler((message, address) -> sink);
    mail.start();
    Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
    System.err.printf("[allgo] mail sink: SMTP %d, IMAP %d, mailbox sink/sink%n", smtp, imap);
    Thread.currentThread().join();
  }
}
