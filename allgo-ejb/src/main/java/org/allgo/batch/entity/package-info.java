/** Job executions and their steps, as read from the batch runtime. */
package org.allgo.batch.entity;
