/**
 * Jakarta Batch jobs as people see them: executions with their steps and counts, and the stop,
 * restart and start actions superusers have on them.
 */
package org.allgo.batch;
