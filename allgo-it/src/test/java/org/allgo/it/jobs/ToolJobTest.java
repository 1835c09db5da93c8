package org.allgo.it.jobs;

import org.allgo.it.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests of jobs on the tool webapp ({@link ToolWebapp}), run as the development user
 * devel@localhost.
 */
abstract class ToolJobTest {

  static String tool;
  Api devel;

  @BeforeAll
  static void webapp() {
    tool = ToolWebapp.name();
  }

  @BeforeEach
  void signIn() {
    devel = Api.asDevelopmentUser("devel@localhost");
  }
}
