package org.allgo.dispatch.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The work the platform does on jobs on its own — container events, timer passes, container starts
 * — counted while it runs, so that the application can stop cleanly: once {@link #close}d, no such
 * work begins, and the work under way is waited for before the services it calls go away. What did
 * not run is picked up at the next start (the dispatcher reconciles running jobs with the engine).
 */
@ApplicationScoped
public class BackgroundWork {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition idle = lock.newCondition();
  private int running;
  private boolean closed;

  /** A piece of work begins; false (and nothing to {@link #end}) once the application stops. */
  public boolean begin() {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      running++;
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Work that continues work already begun (a start a pass decided), counted even while stopping:
   * what was decided before the stop is carried out.
   */
  public void carryOn() {
    lock.lock();
    try {
      running++;
    } finally {
      lock.unlock();
    }
  }

  /** A piece of work that {@link #begin}s or {@link #carryOn}s ended. */
  public void end() {
    lock.lock();
    try {
      running--;
      if (running <= 0) {
        idle.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * No more work begins; waits up to {@code patience} for the work under way. False when some was
   * still running then.
   */
  public boolean close(Duration patience) {
    lock.lock();
    try {
      closed = true;
      long nanos = patience.toNanos();
      while (running > 0 && nanos > 0) {
        nanos = idle.awaitNanos(nanos);
      }
      return running <= 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return running <= 0;
    } finally {
      lock.unlock();
    }
  }

  /** How many pieces of work run now. */
  public int running() {
    lock.lock();
    try {
      return running;
    } finally {
      lock.unlock();
    }
  }
}
