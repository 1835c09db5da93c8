package org.allgo.it.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.time.Duration;
import org.allgo.it.Api;
import org.allgo.it.accounts.Mailbox;
import org.allgo.it.accounts.Users;
import org.junit.jupiter.api.Test;

/**
 * Job mails, read back over IMAP: by default only for a job that ran three minutes or more; the
 * account says from how long a run, and a shorter job sends nothing.
 */
class JobMailIT {

  @Test
  void onlyJobsThatRanAsLongAsTheAccountSaysAreMailedAbout() throws Exception {
    String email = Users.newAddress("jobmail");
    Users.signUpConfirmed(email);
    Api api = Api.as(Users.token(email, Users.PASSWORD));
    assertThat(api.get("/api/v2/account").json().getInt("notifyAfterSeconds")).isEqualTo(180);
    assertThat(api.get("/api/v2/account").json().getBoolean("notifyJobFinished")).isTrue();

    // The form's default, which is the account's: a mail is wanted, if the job runs long enough.
    long shortJob = submit(api, "0");
    Jobs.awaitEnd(api, shortJob, Duration.ofSeconds(60));
    Api.Response refused =
        api.put(
            "/api/v2/account",
            Json.createObjectBuilder()
                .add("name", "Test User")
                .add("notifyAfterSeconds", -1)
                .build()
                .toString());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getString("code")).isEqualTo("invalid-notify-after");
    Api.Response changed =
        api.put(
            "/api/v2/account",
            Json.createObjectBuilder()
                .add("name", "Test User")
                .add("notifyAfterSeconds", 2)
                .build()
                .toString());
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().getInt("notifyAfterSeconds")).isEqualTo(2);
    long quickJob = submit(api, "0");
    long longerJob = submit(api, "3");
    Jobs.awaitEnd(api, quickJob, Duration.ofSeconds(60));
    Jobs.awaitEnd(api, longerJob, Duration.ofSeconds(60));

    Mailbox.Mail mail = Mailbox.await(email, subject(longerJob), 1);
    assertThat(mail.text()).contains("ran 2 seconds or more").contains("/jobs/" + longerJob);
    assertThat(Mailbox.mails(email, subject(shortJob))).as("a 0-second job, default").isEmpty();
    assertThat(Mailbox.mails(email, subject(quickJob))).as("a 0-second job, 2 s asked").isEmpty();
  }

  private static long submit(Api api, String seconds) {
    // No "notify" field: the account's choice applies.
    Multipart form = new Multipart().field("webapp", "sleep").field("param", seconds);
    Api.Response submitted = api.post("/api/v2/jobs", form.contentType(), form.body());
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    return submitted.json().getJsonNumber("id").longValue();
  }

  private static String subject(long job) {
    return "allgo job " + job + " (sleep)";
  }
}
