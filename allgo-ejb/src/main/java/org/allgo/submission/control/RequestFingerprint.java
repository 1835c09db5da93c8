package org.allgo.submission.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.allgo.submission.entity.JobDraft;

/**
 * The SHA-256 of what a job submission asks for — its form, fields and files — by which a request
 * retried with the same Idempotency-Key is told from a different one. Each field is written with
 * its length, so that no two requests share a fingerprint by moving text from one field to another.
 */
public final class RequestFingerprint {

  private final MessageDigest digest = sha256();

  /**
   * @param form how the request came, such as {@code multipart}
   */
  public RequestFingerprint(String form, JobDraft draft) {
    add(form);
    add(draft.webapp());
    add(draft.param());
    add(draft.queue());
    add(draft.notifyByMail() == null ? null : draft.notifyByMail().toString());
    add(
        draft.inputs() == null
            ? null
            : org.allgo.inputs.entity.Boutiques.valuesJson(draft.inputs()));
  }

  /**
   * A file of the request.
   *
   * @param content what identifies its content: its SHA-256, or the upload that holds it
   */
  public RequestFingerprint file(String name, String content) {
    add("file");
    add(name);
    add(content);
    return this;
  }

  /** The fingerprint, 64 lower-case hex digits; once. */
  public String value() {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** A stream that computes the SHA-256 of what is read through it (see {@link #hex}). */
  public static DigestInputStream digesting(InputStream content) {
    return new DigestInputStream(content, sha256());
  }

  /** The SHA-256 of what was read through the stream, in hex. */
  public static String hex(DigestInputStream read) {
    return HexFormat.of().formatHex(read.getMessageDigest().digest());
  }

  /** The SHA-256 of what remains in the stream, read to its end, in hex. */
  public static String digestOf(InputStream content) {
    try (DigestInputStream in = digesting(content)) {
      in.transferTo(OutputStream.nullOutputStream());
      return hex(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void add(String field) {
    if (field == null) {
      digest.update((byte) 0);
      return;
    }
    byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
    digest.update((byte) 1);
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
