package org.allgo.webapps.pages;

import java.io.Serializable;
import org.allgo.webapps.entity.Visibility;
import org.allgo.webapps.entity.WebappDraft;
import org.allgo.webapps.entity.WebappView;

/** The fields of the create and edit forms of a webapp. */
public class WebappForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String name;
  private String dockerName;
  private String description;
  private String documentation;
  private String contactEmail;
  private Visibility visibility = Visibility.PUBLIC;
  private Integer memoryMb = 512;
  private String entrypoint;
  private String inputPatterns;

  static WebappForm of(WebappView webapp) {
    WebappForm form = new WebappForm();
    form.name = webapp.name();
    form.dockerName = webapp.dockerName();
    form.description = webapp.description();
    form.documentation = webapp.documentation();
    form.contactEmail = webapp.contactEmail();
    form.visibility = webapp.visibility();
    form.memoryMb = webapp.memoryMb();
    form.entrypoint = webapp.entrypoint();
    form.inputPatterns = webapp.inputPatterns();
    return form;
  }

  /** The draft for the service; blank optional texts are left to their defaults. */
  WebappDraft draft(String docker) {
    return new WebappDraft(
        name,
        docker,
        text(description),
        text(documentation),
        contactEmail == null ? null : contactEmail.strip(),
        visibility,
        null,
        memoryMb,
        entrypoint == null || entrypoint.isBlank() ? null : entrypoint.strip(),
        inputPatterns == null ? null : inputPatterns.strip());
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDockerName() {
    return dockerName;
  }

  public void setDockerName(String dockerName) {
    this.dockerName = dockerName == null ? null : dockerName.strip();
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getDocumentation() {
    return documentation;
  }

  public void setDocumentation(String documentation) {
    this.documentation = documentation;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String contactEmail) {
    this.contactEmail = contactEmail;
  }

  public Visibility getVisibility() {
    return visibility;
  }

  public void setVisibility(Visibility visibility) {
    this.visibility = visibility;
  }

  public Integer getMemoryMb() {
    return memoryMb;
  }

  public void setMemoryMb(Integer memoryMb) {
    this.memoryMb = memoryMb;
  }

  public String getEntrypoint() {
    return entrypoint;
  }

  public void setEntrypoint(String entrypoint) {
    this.entrypoint = entrypoint;
  }

  public String getInputPatterns() {
    return inputPatterns;
  }

  public void setInputPatterns(String inputPatterns) {
    this.inputPatterns = inputPatterns;
  }
}
