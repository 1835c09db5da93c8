package org.allgo.jobs.pages;

import java.util.List;
import java.util.Map;
import org.allgo.jobs.boundary.JobHistoryService;
import org.allgo.jobs.entity.JobFilter;
import org.allgo.jobs.entity.JobView;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Jobs for a lazy {@code p:dataTable}: the service counts the matching jobs (the caller's, or every
 * user's for superusers) and reads one page at a time, newest first; rows are keyed by job id.
 */
public class JobTable extends LazyDataModel<JobView> {

  private static final long serialVersionUID = 1L;

  private final JobHistoryService history;
  private final JobFilter filter;
  private final boolean everyone;

  public JobTable(JobHistoryService history, JobFilter filter, boolean everyone) {
    this.history = history;
    this.filter = filter;
    this.everyone = everyone;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    long count = everyone ? history.countEveryone(filter) : history.count(filter);
    return (int) Math.min(Integer.MAX_VALUE, count);
  }

  @Override
  public List<JobView> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return everyone
        ? history.pageEveryone(filter, first, pageSize)
        : history.page(filter, first, pageSize);
  }

  @Override
  public String getRowKey(JobView job) {
    return Long.toString(job.id());
  }

  /** A row of the page shown: selections are of the page at hand. */
  @Override
  public JobView getRowData(String rowKey) {
    List<JobView> page = getWrappedData();
    return page == null
        ? null
        : page.stream()
            .filter(job -> Long.toString(job.id()).equals(rowKey))
            .findFirst()
            .orElse(null);
  }
}
