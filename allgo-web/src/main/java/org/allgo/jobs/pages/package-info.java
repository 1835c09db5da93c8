/**
 * The job pages (Faces): the job form of a webapp's page, a job's own page followed live, the
 * caller's jobs and, for superusers, everyone's; and {@code /jobs/<id>}, the address mails link to.
 */
package org.allgo.jobs.pages;
