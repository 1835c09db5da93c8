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
 * Jobs for a lazy {@code p:dataTable}: the service counts the matching jobs and reads one page at a
 * time, newest first; rows are keyed by job id.
 */
public class JobTable extends LazyDataModel<JobView> {

  private static final long serialVersionUID = 1L;

  private final JobHistoryService history;
  private final String email;
  private final JobFilter filter;

  public JobTable(JobHistoryService history, String email, JobFilter filter) {
    this.history = history;
    this.email = email;
    this.filter = filter;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, history.count(email, filter));
  }

  @Override
  public List<JobView> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return history.page(email, filter, first, pageSize);
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
