/**
 * Jobs and job queues: the records the dispatcher claims and completes, and the views clients see
 * of them.
 */
package org.allgo.jobs.entity;
