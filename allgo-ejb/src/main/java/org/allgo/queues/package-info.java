/**
 * Job queues: each sets the timeout, CPU share, concurrency and retention of the jobs sent to it.
 * One service and one rule set for the admin page and the API.
 */
package org.allgo.queues;
