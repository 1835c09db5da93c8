package org.allgo.jobs.pages;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.allgo.jobs.entity.JobFilter;
import org.allgo.jobs.entity.JobState;

/** The filters of a job list, read from its address: {@code ?state=&webapp=&owner=&from=&to=}. */
public class JobFilterForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String state;
  private String webapp;
  private String owner;
  private LocalDate from;
  private LocalDate to;

  /** The filter for the service; an unknown state is no filter. */
  public JobFilter filter(boolean everyone) {
    return new JobFilter(
        state(), blankToNull(webapp), everyone ? blankToNull(owner) : null, from, to);
  }

  /** The states a list may be narrowed to, in their order of life. */
  public List<String> getStates() {
    return Arrays.stream(JobState.values())
        .filter(s -> s != JobState.NEW && s != JobState.DELETED)
        .map(s -> s.name().toLowerCase(Locale.ROOT))
        .toList();
  }

  private JobState state() {
    return getStates().contains(state) ? JobState.valueOf(state.toUpperCase(Locale.ROOT)) : null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state == null ? null : state.strip().toLowerCase(Locale.ROOT);
  }

  public String getWebapp() {
    return webapp;
  }

  public void setWebapp(String webapp) {
    this.webapp = webapp;
  }

  public String getOwner() {
    return owner;
  }

  public void setOwner(String owner) {
    this.owner = owner;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}
