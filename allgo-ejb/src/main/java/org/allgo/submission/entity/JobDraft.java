package org.allgo.submission.entity;

/**
 * A job to submit: the webapp (docker name), the parameter string, and optionally the queue (else
 * the webapp's) and whether to mail the owner when it ends (else the account's choice).
 */
public record JobDraft(String webapp, String param, String queue, Boolean notifyByMail) {}
