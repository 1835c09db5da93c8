/**
 * Mail allgo sends: templates (plain text and HTML) filled with values, sent through the {@code
 * mail/allgo} session once the transaction that asked for them has committed.
 */
package org.allgo.mail;
