package org.allgo.datastore.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.allgo.datastore.control.TestJobFiles;
import org.allgo.datastore.entity.FileNames;
import org.allgo.jobs.entity.Parameters;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.control.Access;
import org.allgo.webapps.entity.TestFile;
import org.allgo.webapps.entity.TestJobView;
import org.allgo.webapps.entity.Webapp;

/**
 * A webapp's optional test job: its parameters and input files, seen and changed by the webapp's
 * owner and superusers only; its files are kept next to the jobs' ({@link TestJobFiles}). Run at
 * every commit ({@code TestJobs}).
 */
@Stateless
public class TestJobService {

  /** Files a test job may have. */
  public static final int MAX_FILES = 20;

  @Inject Access access;

  @Inject TestJobFiles files;

  public TestJobView get(String dockerName) {
    return view(access.managed(dockerName));
  }

  /** Sets or replaces the test job's parameters; its files stay. */
  public TestJobView set(String dockerName, String param) {
    Webapp webapp = access.managed(dockerName);
    webapp.changeTest(Parameters.of(param == null ? "" : param).text());
    return view(webapp);
  }

  /** Removes the test job and its files: commits check the entrypoint only. */
  public void clear(String dockerName) {
    Webapp webapp = access.managed(dockerName);
    webapp.changeTest(null);
    files.deleteAll(webapp.dockerName());
  }

  /**
   * Adds (or replaces) input files of the test job, all or none: their names and number are checked
   * before any is stored. A webapp without a test job gets one with no parameters.
   */
  public TestJobView addFiles(String dockerName, List<TestFile> uploads) {
    Webapp webapp = access.managed(dockerName);
    Set<String> names = new TreeSet<>(webapp.testFiles());
    List<TestFile> clean = new ArrayList<>();
    for (TestFile upload : uploads) {
      String name = FileNames.sanitize(upload.name());
      if (clean.stream().anyMatch(c -> c.name().equals(name))) {
        throw BusinessException.invalid("duplicate-file-name", "Two files are named " + name + ".");
      }
      clean.add(new TestFile(name, upload.content()));
      names.add(name);
    }
    if (clean.isEmpty()) {
      throw BusinessException.invalid("no-file", "Send at least one file.");
    }
    if (names.size() > MAX_FILES) {
      throw BusinessException.invalid(
          "too-many-test-files", "A test job has at most " + MAX_FILES + " files.");
    }
    for (TestFile file : clean) {
      files.store(webapp.dockerName(), file.name(), file.content());
    }
    if (webapp.testParam().isEmpty()) {
      webapp.changeTest("");
    }
    clean.forEach(file -> webapp.addTestFile(file.name()));
    return view(webapp);
  }

  /** Removes an input file of the test job; one it does not have is gone already. */
  public TestJobView removeFile(String dockerName, String name) {
    Webapp webapp = access.managed(dockerName);
    if (webapp.testFiles().contains(name)) {
      webapp.removeTestFile(name);
      files.delete(webapp.dockerName(), name);
    }
    return view(webapp);
  }

  private static TestJobView view(Webapp webapp) {
    return new TestJobView(webapp.testParam().orElse(null), webapp.testFiles());
  }
}
