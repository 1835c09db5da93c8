package org.allgo.datastore.entity;

/**
 * A portion of a job's {@code allgo.log}: the program's output as it runs, then its footer once the
 * job ended. Offsets count bytes; the text is whole lines, unless one line alone is longer than a
 * portion. Read again from {@code next} until {@code ended}.
 *
 * @param offset where the text starts in the log
 * @param next where the next portion starts
 * @param size the log's size when it was read
 * @param ended the job ended and this portion reaches the end of its log: nothing more will come
 */
public record JobLogView(long offset, long next, long size, boolean ended, String text) {}
