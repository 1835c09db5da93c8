package org.allgo.jobs.pages;

import jakarta.inject.Inject;
import java.io.Serializable;
import org.allgo.datastore.boundary.DatastoreService;
import org.allgo.dispatch.boundary.AbortService;
import org.allgo.jobs.boundary.JobHistoryService;

/** What a page listing jobs holds: its filters, read from the address, and the lazy table. */
public abstract class JobListBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject JobHistoryService history;

  @Inject AbortService aborts;

  @Inject DatastoreService datastore;

  private final JobFilterForm filters = new JobFilterForm();
  private JobTable table;

  /** Every user's jobs (superusers), or the caller's. */
  protected abstract boolean everyone();

  public JobTable getTable() {
    if (table == null) {
      table = new JobTable(history, filters.filter(everyone()), everyone());
    }
    return table;
  }

  public JobFilterForm getFilters() {
    return filters;
  }
}
