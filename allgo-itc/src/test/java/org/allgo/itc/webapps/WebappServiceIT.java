package org.allgo.itc.webapps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import org.allgo.itc.Callers;
import org.allgo.itc.TestDeployment;
import org.allgo.itc.TestUser;
import org.allgo.itc.TestUsers;
import org.allgo.itc.TestWebapps;
import org.allgo.platform.BusinessException;
import org.allgo.webapps.boundary.WebappService;
import org.allgo.webapps.entity.SandboxState;
import org.allgo.webapps.entity.Visibility;
import org.allgo.webapps.entity.WebappDraft;
import org.allgo.webapps.entity.WebappView;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The webapp boundary inside the server: who sees and who changes a webapp, and bad drafts. */
@ExtendWith(ArquillianExtension.class)
class WebappServiceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return TestDeployment.create();
  }

  @Inject WebappService webapps;

  @Inject TestUsers users;

  @Inject TestWebapps testWebapps;

  @Inject Callers callers;

  @AfterEach
  void deleteWebapps() {
    testWebapps.deleteCreated();
  }

  @Test
  void aNewWebappTakesItsDefaultsAndStaysItsOwnersUntilAVersionIsReady() {
    TestUser owner = users.active("author");
    TestUser other = users.active("reader");
    String name = TestWebapps.uniqueDockerName();

    WebappView created =
        callers.asCaller(
            owner,
            () ->
                webapps.create(
                    new WebappDraft("Tool", name, null, null, null, null, null, null, null, null)));

    assertThat(created.owner()).isEqualTo("Test author");
    assertThat(created.ownerEmail()).isEqualTo(owner.email());
    assertThat(created.visibility()).isEqualTo(Visibility.PUBLIC);
    assertThat(created.entrypoint()).isEqualTo("/usr/local/bin/" + name);
    assertThat(created.memoryMb()).isEqualTo(512);
    assertThat(created.defaultVersion()).isNull();
    assertThat(created.sandbox().state()).isEqualTo(SandboxState.IDLE);
    // Public by choice, but without a READY version it is not there for others.
    BusinessException unseen =
        assertThrows(
            BusinessException.class, () -> callers.asCaller(other, () -> webapps.get(name)));
    assertThat(unseen.code()).isEqualTo("webapp-not-found");
    assertThat(callers.asCaller(other, () -> webapps.list()))
        .extracting(WebappView::dockerName)
        .doesNotContain(name);
    assertThat(callers.asCaller(owner, () -> webapps.list()))
        .extracting(WebappView::dockerName)
        .contains(name);
    callers.asCaller(owner, () -> webapps.delete(name));
    BusinessException gone =
        assertThrows(
            BusinessException.class, () -> callers.asCaller(owner, () -> webapps.get(name)));
    assertThat(gone.kind()).isEqualTo(BusinessException.Kind.NOT_FOUND);
  }

  @Test
  void aBadDraftIsRefusedAndMakesNothing() {
    TestUser owner = users.active("careless");
    String name = TestWebapps.uniqueDockerName();

    BusinessException badName =
        assertThrows(
            BusinessException.class,
            () ->
                callers.asCaller(
                    owner, () -> webapps.create(TestWebapps.draft("Not A Name!", "/bin/true"))));
    BusinessException badMemory =
        assertThrows(
            BusinessException.class,
            () ->
                callers.asCaller(
                    owner,
                    () ->
                        webapps.create(
                            new WebappDraft(
                                "Tool",
                                name,
                                null,
                                null,
                                null,
                                null,
                                null,
                                0,
                                "/bin/true",
                                null))));

    assertThat(badName.kind()).isEqualTo(BusinessException.Kind.INVALID);
    assertThat(badMemory.code()).isEqualTo("invalid-memory");
    assertThat(callers.asCaller(owner, () -> webapps.list()))
        .extracting(WebappView::dockerName)
        .doesNotContain(name);
  }

  @Test
  void aDockerNameIsTakenOnce() {
    TestUser owner = users.active("first");
    TestUser other = users.active("second");
    WebappView webapp = testWebapps.ready(owner, "/bin/true");

    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () ->
                callers.asCaller(
                    other,
                    () -> webapps.create(TestWebapps.draft(webapp.dockerName(), "/bin/false"))));

    assertThat(refused.code()).isEqualTo("docker-name-taken");
    WebappView kept = callers.asCaller(other, () -> webapps.get(webapp.dockerName()));
    assertThat(kept.owner()).isEqualTo("Test first");
    assertThat(kept.ownerEmail()).as("the owner's address, to others").isNull();
    assertThat(kept.entrypoint()).isEqualTo("/bin/true");
  }

  @Test
  void onlyItsOwnerOrASuperuserChangesAWebappAndAPrivateOneIsHiddenFromOthers() {
    TestUser owner = users.active("owner");
    TestUser other = users.active("stranger");
    TestUser admin = users.superuser("admin");
    // Published (a READY version), so that others see it until it is made private.
    String name = testWebapps.ready(owner, "/bin/true").dockerName();
    WebappDraft rename =
        new WebappDraft("Renamed", null, null, null, null, null, null, null, null, null);

    BusinessException refused =
        assertThrows(
            BusinessException.class,
            () -> callers.asCaller(other, () -> webapps.update(name, rename)));
    WebappView byAdmin = callers.asCaller(admin, () -> webapps.update(name, rename));
    WebappView hidden =
        callers.asCaller(
            owner,
            () ->
                webapps.update(
                    name,
                    new WebappDraft(
                        null, null, null, null, null, Visibility.PRIVATE, null, null, null, null)));

    assertThat(refused.code()).isEqualTo("not-your-webapp");
    assertThat(byAdmin.name()).isEqualTo("Renamed");
    assertThat(hidden.visibility()).isEqualTo(Visibility.PRIVATE);
    BusinessException notFound =
        assertThrows(
            BusinessException.class, () -> callers.asCaller(other, () -> webapps.get(name)));
    assertThat(notFound.code()).isEqualTo("webapp-not-found");
    assertThat(callers.asCaller(admin, () -> webapps.get(name)).name()).isEqualTo("Renamed");
  }

  @Test
  void onlySuperusersOpenTheNetworkToAWebapp() {
    TestUser owner = users.active("netowner");
    TestUser admin = users.superuser("netadmin");
    String name = testWebapps.create(owner, "/bin/true").dockerName();

    assertThrows(
        EJBAccessException.class,
        () -> callers.asCaller(owner, () -> webapps.allowNetwork(name, true)));
    WebappView opened = callers.asCaller(admin, () -> webapps.allowNetwork(name, true));

    assertThat(opened.networkAllowed()).isTrue();
    assertThat(callers.asCaller(owner, () -> webapps.get(name)).networkAllowed()).isTrue();
  }
}
