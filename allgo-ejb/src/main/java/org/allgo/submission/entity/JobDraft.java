package org.allgo.submission.entity;

import java.util.Map;

/**
 * What a caller asks to run: the webapp's docker name, and either its parameter string or, for a
 * webapp whose version describes its inputs, their values by name (null: none given); the queue
 * (null: the webapp's default) and whether to mail the caller when it ends (null: the account's
 * choice).
 */
public record JobDraft(
    String webapp, String param, String queue, Boolean notifyByMail, Map<String, Object> inputs) {

  public JobDraft(String webapp, String param, String queue, Boolean notifyByMail) {
    this(webapp, param, queue, notifyByMail, null);
  }
}
