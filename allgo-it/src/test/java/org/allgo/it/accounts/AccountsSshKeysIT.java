package org.allgo.it.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.allgo.connector.testing.SshKeygen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSH public keys over the API and on the account page, with keys made by ssh-keygen. */
class AccountsSshKeysIT {

  @TempDir Path dir;

  @Test
  void addListAndDeleteKeysOverTheApi() throws Exception {
    String email = Users.newAddress("ssh");
    Users.signUpConfirmed(email);
    String token = Users.token(email, Users.PASSWORD);
    Browser client = new Browser();
    Path ed25519 = SshKeygen.keygen(dir, "ed25519", 0, "work laptop");
    Path ecdsa = SshKeygen.keygen(dir, "ecdsa", 384, "desktop");

    HttpResponse<String> added =
        client.json(
            "POST",
            "/api/v2/account/ssh-keys",
            Browser.bearer(token),
            Json.createObjectBuilder().add("key", Files.readString(ed25519)).build());
    HttpResponse<String> addedAsText =
        client.api(
            "POST",
            "/api/v2/account/ssh-keys",
            Browser.bearer(token),
            "text/plain",
            Files.readString(ecdsa));

    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    assertThat(addedAsText.statusCode()).as(addedAsText.body()).isEqualTo(201);
    assertThat(added.headers().firstValue("Location")).isPresent();
    JsonObject key = Browser.object(added);
    assertThat(key.getString("fingerprint")).isEqualTo(SshKeygen.fingerprint(ed25519));
    assertThat(key.getString("comment")).isEqualTo("work laptop");
    assertThat(key.getString("type")).isEqualTo("ssh-ed25519");

    JsonArray list =
        array(client.api("GET", "/api/v2/account/ssh-keys", Browser.bearer(token), null, null));
    assertThat(list).hasSize(2);
    assertThat(list.getJsonObject(1).getString("fingerprint"))
        .isEqualTo(SshKeygen.fingerprint(ecdsa));
    assertThat(list.getJsonObject(1).getString("type")).isEqualTo("ecdsa-sha2-nistp384");

    String id = key.get("id").toString();
    assertThat(
            client
                .api("DELETE", "/api/v2/account/ssh-keys/" + id, Browser.bearer(token), null, null)
                .statusCode())
        .isEqualTo(204);
    assertThat(
            client
                .api("DELETE", "/api/v2/account/ssh-keys/" + id, Browser.bearer(token), null, null)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            array(client.api("GET", "/api/v2/account/ssh-keys", Browser.bearer(token), null, null)))
        .hasSize(1);
  }

  @Test
  void duplicateWeakAndMalformedKeysAreRefused() throws Exception {
    String email = Users.newAddress("sshbad");
    Users.signUpConfirmed(email);
    String token = Users.token(email, Users.PASSWORD);
    String other = Users.newAddress("sshother");
    Users.signUpConfirmed(other);
    String otherToken = Users.token(other, Users.PASSWORD);
    String line = Files.readString(SshKeygen.keygen(dir, "rsa", 3072, "rsa"));
    assertThat(post(token, line).statusCode()).isEqualTo(201);

    assertRefused(post(token, line), 409, "ssh-key-duplicate");
    assertRefused(post(otherToken, line), 409, "ssh-key-duplicate");
    assertRefused(
        post(token, Files.readString(SshKeygen.keygen(dir, "rsa", 1024, "weak"))),
        400,
        "ssh-key-weak");
    String[] parts = Files.readString(SshKeygen.keygen(dir, "ed25519", 0, "x")).split(" ");
    assertRefused(post(token, "ssh-rsa " + parts[1]), 400, "ssh-key-malformed");
    assertRefused(
        post(token, "ssh-ed25519 " + parts[1].substring(0, 30)), 400, "ssh-key-malformed");
    assertRefused(post(token, "hello world"), 400, "ssh-key-malformed");
    assertRefused(post(token, "ssh-ed25519 " + "A".repeat(9000)), 400, "ssh-key-malformed");
    assertRefused(post(token, ""), 400, "ssh-key-malformed");

    assertThat(
            array(
                new Browser()
                    .api("GET", "/api/v2/account/ssh-keys", Browser.bearer(token), null, null)))
        .hasSize(1);
  }

  @Test
  void nobodyDeletesAnotherUsersKey() throws Exception {
    String owner = Users.newAddress("sshowner");
    Users.signUpConfirmed(owner);
    String ownerToken = Users.token(owner, Users.PASSWORD);
    String thief = Users.newAddress("sshthief");
    Users.signUpConfirmed(thief);
    String thiefToken = Users.token(thief, Users.PASSWORD);
    String id =
        Browser.object(post(ownerToken, Files.readString(SshKeygen.keygen(dir, "ed25519", 0, "o"))))
            .get("id")
            .toString();

    HttpResponse<String> response =
        new Browser()
            .api(
                "DELETE", "/api/v2/account/ssh-keys/" + id, Browser.bearer(thiefToken), null, null);

    assertRefused(response, 404, "ssh-key-not-found");
    assertThat(
            array(
                new Browser()
                    .api(
                        "GET", "/api/v2/account/ssh-keys", Browser.bearer(ownerToken), null, null)))
        .hasSize(1);
  }

  @Test
  void theAccountPageAddsListsAndDeletesKeys() throws Exception {
    String email = Users.newAddress("sshpage");
    Users.signUpConfirmed(email);
    Browser browser = new Browser();
    Page account = Users.signInToAccount(browser, email, Users.PASSWORD);
    Path key = SshKeygen.keygen(dir, "ed25519", 0, "page key");

    Page added = account.form("addkey").set("key", Files.readString(key)).submit(browser);
    assertThat(added.messages()).contains("key is added");
    assertThat(added.html()).contains(SshKeygen.fingerprint(key)).contains("page key");

    Page refused = added.form("addkey").set("key", "ssh-ed25519 gar*bage").submit(browser);
    assertThat(refused.messages()).contains("not valid base64");

    Page deleted = refused.form("sshkeys").press(browser, "sshkeys:keys:0:delete");
    assertThat(deleted.messages()).contains("key is deleted");
    assertThat(deleted.html())
        .doesNotContain(SshKeygen.fingerprint(key))
        .contains("No SSH key yet.");
  }

  private static HttpResponse<String> post(String token, String line) {
    return new Browser()
        .api("POST", "/api/v2/account/ssh-keys", Browser.bearer(token), "text/plain", line);
  }

  private static void assertRefused(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(Browser.object(response).getString("code")).isEqualTo(code);
  }

  private static JsonArray array(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.createReader(new StringReader(response.body())).readArray();
  }
}
