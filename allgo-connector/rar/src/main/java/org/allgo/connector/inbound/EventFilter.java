package org.allgo.connector.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.allgo.connector.api.ContainerEvent;

/**
 * Which events an endpoint wants: the labels a container must carry and the actions. Parsed from
 * the activation spec's {@code labelFilter} ({@code k=v,k2=v2}) and {@code actions} ({@code
 * die,oom,kill}).
 */
record EventFilter(Map<String, String> labels, Set<ContainerEvent.Action> actions) {

  private static final Pattern LABEL_PART = Pattern.compile("[A-Za-z0-9._/-]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  EventFilter {
    labels = Map.copyOf(labels);
    actions = Set.copyOf(actions);
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("No container event action selected");
    }
  }

  static EventFilter parse(String labelFilter, String actions) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String pair : split(labelFilter)) {
      String[] kv = pair.split("=", 2);
      if (kv.length != 2
          || !LABEL_PART.matcher(kv[0]).matches()
          || !LABEL_PART.matcher(kv[1]).matches()) {
        throw new IllegalArgumentException(
            "labelFilter must be key=value pairs separated by commas, got '" + pair + "'");
      }
      labels.put(kv[0], kv[1]);
    }
    Set<ContainerEvent.Action> selected = EnumSet.noneOf(ContainerEvent.Action.class);
    for (String action : split(actions)) {
      try {
        selected.add(ContainerEvent.Action.valueOf(action.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "actions must be among die, oom, kill; got '" + action + "'", e);
      }
    }
    return new EventFilter(labels, selected);
  }

  /** The engine's {@code filters} parameter for this filter, as JSON. */
  String engineFilters() {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    filters.put("type", List.of("container"));
    filters.put(
        "event", actions.stream().map(a -> a.name().toLowerCase(Locale.ROOT)).sorted().toList());
    if (!labels.isEmpty()) {
      filters.put(
          "label",
          labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList());
    }
    try {
      return JSON.writeValueAsString(filters);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write event filters", e);
    }
  }

  boolean matches(ContainerEvent event) {
    return actions.contains(event.action())
        && labels.entrySet().stream()
            .allMatch(e -> e.getValue().equals(event.labels().get(e.getKey())));
  }

  private static List<String> split(String list) {
    if (list == null) {
      return List.of();
    }
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
