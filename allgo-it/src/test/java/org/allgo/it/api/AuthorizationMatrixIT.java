package org.allgo.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.allgo.connector.testing.SshKeygen;
import org.allgo.it.Api;
import org.allgo.it.accounts.Users;
import org.allgo.it.jobs.Jobs;
import org.allgo.it.webapps.Webapps;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation of the OpenAPI document, tried as each kind of caller: anonymous, with a bad
 * token, as another user, as the owner of what the path names, as a superuser. Who may call it is
 * what the operation declares in {@code x-allgo-access} (public, caller, owner, private, self,
 * superuser); an operation that declares nothing fails here, so a new endpoint is covered as soon
 * as it is in the document. A refused call answers 401 (no or bad token), 403 or 404 (another
 * user's things; only 404 for what only its owner may know of, a job; 403 for superusers'
 * operations) and changes nothing the owner can see; an allowed call is never 401, 403 or 500, nor
 * 404 for the owner's things. Bodies are empty JSON objects: the answer to an allowed caller may be
 * a 400, which is enough to show that the request got past authorization.
 */
class AuthorizationMatrixIT {

  private static final String ACCESS = "x-allgo-access";
  private static final Set<String> ACCESSES =
      Set.of("public", "caller", "owner", "private", "self", "superuser");
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  @TempDir static Path dir;

  private static JsonObject document;
  private static Caller owner;
  private static Caller other;
  private static Caller superuser;
  private static Caller sleepOwner;
  private static final Caller ANONYMOUS = new Caller("anonymous", null);
  private static final Caller BAD_TOKEN =
      new Caller("bad token", "not-a-token-" + UUID.randomUUID());
  private static Fixtures fixtures;

  /** One kind of caller; the token changes when the caller replaces it. */
  private static final class Caller {
    final String label;
    String token;

    Caller(String label, String token) {
      this.label = label;
      this.token = token;
    }
  }

  /** An operation of the document and who may call it. */
  private record Operation(String method, String path, String access, String accept) {

    String label() {
      return method.toUpperCase() + " " + path + " (" + access + ")";
    }
  }

  @BeforeAll
  static void callersAndFixtures() {
    Api.Response openApi = send("GET", "/openapi", null, "application/json", null);
    assertThat(openApi.status()).isEqualTo(200);
    document = Json.createReader(new StringReader(openApi.body())).readObject();
    owner = user("matrix-owner");
    other = user("matrix-other");
    // Before the development users' tokens: a new token of theirs ends the one before.
    fixtures = new Fixtures();
    superuser = new Caller("superuser", Api.asDevelopmentUser("admin@localhost").token());
    sleepOwner = new Caller("owner", Api.asDevelopmentUser("devel@localhost").token());
  }

  @AfterAll
  static void removeFixtures() {
    if (fixtures != null) {
      fixtures.remove();
    }
  }

  @Test
  void everyOperationDeclaresWhoMayCallIt() {
    List<Operation> operations = operations();
    assertThat(operations).hasSizeGreaterThan(40);
    assertThat(operations)
        .allSatisfy(o -> assertThat(o.access()).as("%s of %s", ACCESS, o.label()).isIn(ACCESSES));
  }

  @TestFactory
  Stream<DynamicTest> everyOperationAsEveryCaller() {
    return operations().stream()
        .filter(o -> ACCESSES.contains(o.access()))
        .map(o -> DynamicTest.dynamicTest(o.label(), () -> tryAsEveryCaller(o)));
  }

  private static void tryAsEveryCaller(Operation operation) {
    SoftAssertions softly = new SoftAssertions();
    boolean changes = !operation.method().equals("get");
    fixtures.resolve(operation.path());
    List<String> before = changes ? fixtures.ownersView() : List.of();
    for (Caller caller : List.of(ANONYMOUS, BAD_TOKEN, other, superuser, owner)) {
      if (refused(operation, caller)) {
        Api.Response answer = call(operation, caller);
        softly
            .assertThat(answer.status())
            .as("%s as %s: %s", operation.label(), caller.label, answer.body())
            .isIn(refusal(operation, caller));
      }
    }
    if (changes) {
      softly
          .assertThat(fixtures.ownersView())
          .as("what the owner sees after %s refused", operation.label())
          .isEqualTo(before);
    }
    for (Caller caller : List.of(ANONYMOUS, other, superuser, owner)) {
      if (!refused(operation, caller)) {
        Api.Response answer = call(operation, caller);
        String said = operation.label() + " as " + caller.label + ": " + answer.body();
        softly.assertThat(answer.status()).as(said).isNotEqualTo(403).isLessThan(500);
        // A 401 of its own for credentials in the body (wrong password) is not a refusal of the
        // caller.
        if (!answer.body().contains("\"code\":\"bad-credentials\"")) {
          softly.assertThat(answer.status()).as(said).isNotEqualTo(401);
        }
        if (Set.of("owner", "private", "self").contains(operation.access())) {
          softly.assertThat(answer.status()).as(said).isNotEqualTo(404);
        }
        fixtures.after(operation, caller, answer);
      }
    }
    softly.assertAll();
  }

  private static boolean refused(Operation operation, Caller caller) {
    if (caller == ANONYMOUS) {
      return !operation.access().equals("public");
    }
    if (caller == BAD_TOKEN) {
      return true;
    }
    return switch (operation.access()) {
      case "public", "caller" -> false;
      case "owner", "private" -> caller == other;
      case "self" -> caller != owner;
      default -> caller != superuser;
    };
  }

  private static Set<Integer> refusal(Operation operation, Caller caller) {
    if (caller == ANONYMOUS || caller == BAD_TOKEN) {
      return Set.of(401);
    }
    return switch (operation.access()) {
      case "owner" -> Set.of(403, 404);
      case "private", "self" -> Set.of(404);
      default -> Set.of(403);
    };
  }

  private static Api.Response call(Operation operation, Caller caller) {
    Caller as =
        caller == owner && fixtures.ownedBySleepOwner(operation.path()) ? sleepOwner : caller;
    String body =
        operation.method().equals("get") || operation.method().equals("delete") ? null : "{}";
    return send(
        operation.method().toUpperCase(),
        fixtures.resolve(operation.path()),
        as.token,
        operation.accept(),
        body);
  }

  private static List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    document
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, value) -> {
                          if (METHODS.contains(method)) {
                            JsonObject operation = value.asJsonObject();
                            operations.add(
                                new Operation(
                                    method,
                                    path,
                                    operation.getString(ACCESS, "(none)"),
                                    accept(operation)));
                          }
                        }));
    return operations;
  }

  /** The media type of the operation's success answer; JSON unless it says otherwise. */
  private static String accept(JsonObject operation) {
    JsonObject responses = operation.getJsonObject("responses");
    if (responses != null) {
      for (Map.Entry<String, JsonValue> response : responses.entrySet()) {
        JsonObject content = response.getValue().asJsonObject().getJsonObject("content");
        if (response.getKey().startsWith("2") && content != null && !content.isEmpty()) {
          return content.keySet().iterator().next();
        }
      }
    }
    return "application/json";
  }

  private static Caller user(String label) {
    String email = Users.newAddress(label);
    Users.signUpConfirmed(email);
    return new Caller(label.substring("matrix-".length()), Users.token(email, Users.PASSWORD));
  }

  private static Api.Response send(
      String method, String path, String token, String accept, String body) {
    Api api = token == null ? Api.anonymous() : Api.as(token);
    return api.call(method, path, accept, body);
  }

  /**
   * What the paths name: the owner's job, upload, SSH key and webapp (each made again after an
   * allowed call deleted it), a version of the development webapp {@code sleep} (its author stands
   * for the owner there), a queue of the test, another user's account for the superusers' paths.
   */
  private static final class Fixtures {

    private final Map<String, Lazy> values = new LinkedHashMap<>();
    private final List<String> webapps = new ArrayList<>();
    private final String queue = Jobs.queue(60, 4, 1);
    private final long sleepVersion;

    Fixtures() {
      values.put("/api/v2/jobs/{id}", new Lazy(this::job));
      values.put("/api/v1/jobs/{id}", values.get("/api/v2/jobs/{id}"));
      values.put("/api/v2/uploads/{id}", new Lazy(this::upload));
      values.put("/api/v2/account/ssh-keys/{id}", new Lazy(this::sshKey));
      values.put("/api/v2/webapps/{name}", new Lazy(this::webapp));
      JsonObject versions =
          Json.createReader(
                  new StringReader(
                      send("GET", "/api/v2/webapps/sleep/versions", null, "application/json", null)
                          .body()))
              .readArray()
              .getJsonObject(0);
      sleepVersion = versions.getJsonNumber("id").longValue();
    }

    boolean ownedBySleepOwner(String path) {
      return path.startsWith("/api/v2/webapps/{name}/versions/{id}");
    }

    String resolve(String path) {
      if (ownedBySleepOwner(path)) {
        return path.replace("{name}", "sleep").replace("{id}", Long.toString(sleepVersion));
      }
      if (path.startsWith("/api/v2/admin/users/{id}")) {
        return path.replace("{id}", Long.toString(userId(other)));
      }
      if (path.startsWith("/api/v2/admin/batch/executions/{id}")) {
        return path.replace("{id}", "999999999");
      }
      if (path.startsWith("/api/v2/queues/{name}")) {
        return path.replace("{name}", queue);
      }
      if (path.startsWith("/api/v2/base-images/{name}")) {
        return path.replace("{name}", "matrix-none");
      }
      if (path.contains("/test/files/{file}")) {
        // Removing a file the test job does not have is a success too.
        return resolve(path.replace("{file}", "none.txt"));
      }
      if (path.startsWith("/api/v2/jobs/{id}/files/{name}")) {
        // Every job that ran has its log.
        return resolve(path.replace("{name}", "allgo.log"));
      }
      for (Map.Entry<String, Lazy> value : values.entrySet()) {
        if (path.startsWith(value.getKey())) {
          String parameter = value.getKey().substring(value.getKey().lastIndexOf('{'));
          return path.replace(parameter, value.getValue().get());
        }
      }
      assertThat(path).as("a path without a fixture for its parameters").doesNotContain("{");
      return path;
    }

    /** A deleted fixture is made again; a caller whose token was replaced keeps the new one. */
    void after(Operation operation, Caller caller, Api.Response answer) {
      if (answer.status() / 100 != 2) {
        return;
      }
      if (operation.method().equals("delete")) {
        values.entrySet().stream()
            .filter(v -> operation.path().startsWith(v.getKey()))
            .forEach(v -> v.getValue().forget());
      }
      if (operation.method().equals("delete")
          && operation.path().equals("/api/v2/webapps/{name}/inputs/draft")) {
        describeInputs(values.get("/api/v2/webapps/{name}").get());
      }
      if (operation.path().equals("/api/v2/account/token")) {
        caller.token =
            Json.createReader(new StringReader(answer.body())).readObject().getString("token");
      }
    }

    /** What the owner sees of their things, and what everyone sees of queues and base images. */
    List<String> ownersView() {
      List<String> view = new ArrayList<>();
      for (String path :
          List.of(
              "/api/v2/account",
              "/api/v2/account/ssh-keys",
              "/api/v2/jobs/" + values.get("/api/v2/jobs/{id}").get(),
              "/api/v2/uploads/" + values.get("/api/v2/uploads/{id}").get(),
              "/api/v2/webapps/" + values.get("/api/v2/webapps/{name}").get(),
              "/api/v2/webapps/" + values.get("/api/v2/webapps/{name}").get() + "/inputs/draft",
              "/api/v2/queues",
              "/api/v2/base-images")) {
        Api.Response answer = send("GET", path, owner.token, "application/json", null);
        view.add(path + " " + answer.status() + " " + answer.body());
      }
      return view;
    }

    void remove() {
      webapps.forEach(
          name -> send("DELETE", "/api/v2/webapps/" + name, owner.token, "application/json", null));
    }

    private String job() {
      Api api = Api.as(owner.token);
      long id = Jobs.run(api, "sleep", "0", null);
      Jobs.awaitEnd(api, id, Duration.ofSeconds(60));
      return Long.toString(id);
    }

    private String upload() {
      return Jobs.uploaded(Api.as(owner.token), "matrix.txt", "rows\n");
    }

    private String sshKey() {
      Path key = SshKeygen.keygen(dir, "ed25519", 0, "matrix");
      try {
        Api.Response added =
            Api.as(owner.token)
                .post(
                    "/api/v2/account/ssh-keys",
                    Json.createObjectBuilder()
                        .add("key", Files.readString(key))
                        .build()
                        .toString());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return Long.toString(added.json().getJsonNumber("id").longValue());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String webapp() {
      String name = Webapps.uniqueDockerName();
      Api.Response created = Webapps.create(Api.as(owner.token), name);
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      webapps.add(name);
      describeInputs(name);
      return name;
    }

    /** The owner's webapp has a draft description of its inputs, for the calls that read it. */
    private void describeInputs(String name) {
      Api.Response described =
          send(
              "PUT",
              "/api/v2/webapps/" + name + "/inputs/draft",
              owner.token,
              "application/json",
              "{\"name\": \"matrix\", \"command-line\": \"matrix [N]\", \"inputs\": [{\"id\": \"n\","
                  + " \"name\": \"N\", \"type\": \"Number\", \"value-key\": \"[N]\"}]}");
      assertThat(described.status()).as(described.body()).isEqualTo(200);
    }

    private static long userId(Caller caller) {
      Api.Response account = send("GET", "/api/v2/account", caller.token, "application/json", null);
      return Json.createReader(new StringReader(account.body()))
          .readObject()
          .getJsonNumber("id")
          .longValue();
    }
  }

  /** A fixture made when first needed, and again after it was forgotten. */
  private static final class Lazy {
    private final Supplier<String> make;
    private String value;

    Lazy(Supplier<String> make) {
      this.make = make;
    }

    String get() {
      if (value == null) {
        value = make.get();
      }
      return value;
    }

    void forget() {
      value = null;
    }
  }
}
