/**
 * A mail to send ({@link org.allgo.mail.entity.Mail}, fired as a CDI event) and the templates it
 * can be made from.
 */
package org.allgo.mail.entity;
