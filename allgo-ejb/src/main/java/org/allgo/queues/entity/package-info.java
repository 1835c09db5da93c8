/** The job queue, and what clients send and see of it. */
package org.allgo.queues.entity;
