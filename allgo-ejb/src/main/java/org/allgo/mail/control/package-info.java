/**
 * Renders mail templates and sends the result over SMTP, after the commit of the transaction that
 * fired the mail event, on a managed thread.
 */
package org.allgo.mail.control;
