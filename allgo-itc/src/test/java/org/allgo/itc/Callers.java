package org.allgo.itc;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.allgo.accounts.control.CallerContext;

/**
 * Runs a test's calls as one of its users, as the server runs a signed-in request: the call finds
 * the user where the authentication mechanism leaves a request's caller. The boundaries also name
 * their caller by an e-mail argument today, which the calls pass; the one place to change when the
 * caller comes only from the container is here.
 */
@Dependent
public class Callers {

  @Inject CallerContext context;

  /** What {@code call} returns when {@code user} makes it. */
  public <T> T asCaller(TestUser user, Supplier<T> call) {
    AtomicReference<T> result = new AtomicReference<>();
    context.run(user.caller(), () -> result.set(call.get()));
    return result.get();
  }

  /** Makes {@code call} as {@code user}. */
  public void asCaller(TestUser user, Runnable call) {
    context.run(user.caller(), call);
  }
}
