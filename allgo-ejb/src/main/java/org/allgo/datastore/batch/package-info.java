/** The batch job {@code purge-jobs}: retention of job files. */
package org.allgo.datastore.batch;
