package org.allgo.webapps.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.allgo.datastore.boundary.TestJobService;
import org.allgo.pages.Pages;
import org.allgo.webapps.entity.TestFile;
import org.allgo.webapps.entity.TestJobView;

/**
 * The "Test job" section of {@code /webapps/manage?name=}: the test job's parameters and input
 * files, run in every committed image before the version becomes READY.
 */
@Named
@ViewScoped
public class TestJobBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject TestJobService tests;

  @Inject ManageBacking manage;

  private TestJobView test;
  private String param;
  private transient List<Part> files = List.of();

  public TestJobView getTest() {
    if (test == null) {
      read();
    }
    return test;
  }

  private void read() {
    test = tests.get(manage.getName());
    param = test.param();
  }

  public void save() {
    if (Pages.attempt(() -> test = tests.set(manage.getName(), param))) {
      Pages.info("The test job is saved: every commit runs it.");
    }
  }

  public void upload() {
    List<TestFile> sent = new ArrayList<>();
    for (Part part : files == null ? List.<Part>of() : files) {
      if (part.getSize() > 0 || !part.getSubmittedFileName().isEmpty()) {
        sent.add(new TestFile(part.getSubmittedFileName(), open(part)));
      }
    }
    if (Pages.attempt(() -> test = tests.addFiles(manage.getName(), sent))) {
      Pages.info("The test job's files are saved.");
    }
    param = test.param();
  }

  public void remove(String file) {
    if (Pages.attempt(() -> test = tests.removeFile(manage.getName(), file))) {
      Pages.info(file + " is removed from the test job.");
    }
  }

  public void clear() {
    if (Pages.attempt(() -> tests.clear(manage.getName()))) {
      Pages.info("The test job is removed: commits check the entrypoint only.");
    }
    read();
  }

  private static InputStream open(Part part) {
    try {
      return part.getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String getParam() {
    return param;
  }

  public void setParam(String param) {
    this.param = param;
  }

  public List<Part> getFiles() {
    return files;
  }

  public void setFiles(List<Part> files) {
    this.files = files;
  }
}
