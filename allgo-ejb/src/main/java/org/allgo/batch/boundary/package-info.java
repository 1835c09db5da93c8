/** Reads and drives the batch runtime's job executions through the {@code JobOperator}. */
package org.allgo.batch.boundary;
