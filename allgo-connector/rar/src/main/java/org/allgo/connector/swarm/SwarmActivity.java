package org.allgo.connector.swarm;

/**
 * Tells the watches of the swarm's tasks that a job was placed, so that they look more often while
 * jobs may be under way and rarely otherwise. One per adapter, shared by its connections and its
 * event subscriptions.
 */
public final class SwarmActivity {

  private long placed = System.nanoTime() - Long.MAX_VALUE / 2;

  /** A job was placed on the swarm now. */
  public synchronized void placed() {
    placed = System.nanoTime();
    notifyAll();
  }

  /** True when a job was placed within the last {@code millis}. */
  public synchronized boolean placedWithin(long millis) {
    return System.nanoTime() - placed < millis * 1_000_000L;
  }

  /** Waits {@code millis} at most, or until a job is placed or {@link #wake()} is called. */
  public synchronized void await(long millis) throws InterruptedException {
    wait(millis);
  }

  /** Ends the waits under way (a watch that stops). */
  public synchronized void wake() {
    notifyAll();
  }
}
