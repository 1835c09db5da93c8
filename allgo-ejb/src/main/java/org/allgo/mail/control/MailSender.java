package org.allgo.mail.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.allgo.mail.entity.Mail;
import org.allgo.platform.Resources;

/**
 * Sends {@link Mail} events once their transaction has committed, on a managed thread: the request
 * that asked for a mail neither waits for the SMTP server nor shows by its timing whether it sent
 * one. A failure to send is logged.
 */
@ApplicationScoped
public class MailSender {

  private static final System.Logger LOG = System.getLogger(MailSender.class.getName());

  @Resource(lookup = Resources.MAIL)
  Session session;

  // Looked up by its standard name: an unnamed reference resolves in the environment of the
  // component that first makes this bean, and is null when that is an EJB timer's.
  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Mail mail) {
    executor.execute(() -> send(mail));
  }

  /** Renders and sends the mail now. */
  public void send(Mail mail) {
    RenderedMail rendered = MailTemplates.render(mail.template(), mail.values());
    try {
      Transport.send(message(mail.to(), rendered));
      LOG.log(Level.INFO, "Sent {0} mail to {1}", mail.template(), mail.to());
    } catch (MessagingException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not send " + mail.template() + " mail to " + mail.to(), e);
    }
  }

  private MimeMessage message(String to, RenderedMail rendered) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom();
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
    message.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    MimeBodyPart text = new MimeBodyPart();
    text.setText(rendered.text(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
    message.setContent(new MimeMultipart("alternative", text, html));
    return message;
  }
}
