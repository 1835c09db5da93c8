/**
 * The jobs part of the REST API ({@code /api/v2/jobs}, {@code /api/v2/queues}, the purge batch job)
 * and the download of job files at {@code /datastore/<id>/<name>}.
 */
package org.allgo.jobs.api;
