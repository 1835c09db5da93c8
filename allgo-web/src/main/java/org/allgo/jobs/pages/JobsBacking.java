package org.allgo.jobs.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import org.allgo.jobs.entity.JobView;
import org.allgo.pages.Pages;
import org.allgo.platform.BusinessException;

/**
 * {@code /jobs}: the caller's jobs a page at a time, narrowed by state, webapp and date; ended ones
 * can be deleted together.
 */
@Named
@ViewScoped
public class JobsBacking extends JobListBacking {

  private static final long serialVersionUID = 1L;

  private List<JobView> selected = new ArrayList<>();

  @Override
  protected boolean everyone() {
    return false;
  }

  /** Deletes the selected jobs that have ended; says how many went and why others did not. */
  public void deleteSelected() {
    if (selected.isEmpty()) {
      Pages.error("Select the jobs to delete first.");
      return;
    }
    int deleted = 0;
    for (JobView job : selected) {
      try {
        datastore.delete(job.id());
        deleted++;
      } catch (BusinessException e) {
        Pages.error(e.getMessage());
      }
    }
    if (deleted > 0) {
      Pages.info(deleted == 1 ? "1 job is deleted." : deleted + " jobs are deleted.");
    }
    selected = new ArrayList<>();
  }

  public List<JobView> getSelected() {
    return selected;
  }

  public void setSelected(List<JobView> selected) {
    this.selected = selected == null ? new ArrayList<>() : selected;
  }
}
