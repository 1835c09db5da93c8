package org.allgo.connector.inbound;

import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.io.Serializable;
import org.allgo.connector.api.ContainerEventListener;

/**
 * How a message-driven bean subscribes to container events: {@code labelFilter} (comma-separated
 * {@code key=value}, all required, e.g. {@code allgo.env=dev}) and {@code actions} (among {@code
 * die,oom,kill}).
 */
@Activation(messageListeners = ContainerEventListener.class)
public class ContainerEventActivationSpec implements ActivationSpec, Serializable {

  private static final long serialVersionUID = 1L;

  @ConfigProperty(
      defaultValue = "",
      description =
          "Comma-separated key=value labels that a container must all carry, e.g. allgo.env=dev")
  private String labelFilter = "";

  @ConfigProperty(
      defaultValue = "die,oom,kill",
      description = "Comma-separated actions among die, oom, kill")
  private String actions = "die,oom,kill";

  private transient ResourceAdapter adapter;

  @Override
  public void validate() throws InvalidPropertyException {
    try {
      filter();
    } catch (IllegalArgumentException e) {
      throw new InvalidPropertyException(
          "Invalid container event subscription: " + e.getMessage(), e);
    }
  }

  EventFilter filter() {
    return EventFilter.parse(labelFilter, actions);
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return adapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter adapter) {
    this.adapter = adapter;
  }

  public String getLabelFilter() {
    return labelFilter;
  }

  public void setLabelFilter(String labelFilter) {
    this.labelFilter = labelFilter;
  }

  public String getActions() {
    return actions;
  }

  public void setActions(String actions) {
    this.actions = actions;
  }
}
