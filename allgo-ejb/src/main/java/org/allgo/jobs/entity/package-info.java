/** Job queues and jobs. */
package org.allgo.jobs.entity;
