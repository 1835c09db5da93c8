/**
 * The jobs part of the REST API ({@code /api/v2/jobs}, {@code /api/v2/queues}, the purge batch job)
 * and the download of job files at {@code /datastore/<id>/<name>}, or all of them as a zip at
 * {@code /datastore/zip/<id>}.
 */
package org.allgo.jobs.api;
