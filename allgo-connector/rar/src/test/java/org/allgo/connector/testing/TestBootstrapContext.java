package org.allgo.connector.testing;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Set;
import java.util.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A bootstrap context whose work manager runs work on a small thread pool, as a server's would. */
public final class TestBootstrapContext implements BootstrapContext, AutoCloseable {

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Set<Work> running = ConcurrentHashMap.newKeySet();
  private final WorkManager workManager =
      new WorkManager() {
        @Override
        public void doWork(Work work) {
          work.run();
        }

        @Override
        public void doWork(
            Work work, long timeout, ExecutionContext context, WorkListener listener) {
          work.run();
        }

        @Override
        public long startWork(Work work) {
          scheduleWork(work);
          return 0;
        }

        @Override
        public long startWork(
            Work work, long timeout, ExecutionContext context, WorkListener listener) {
          scheduleWork(work);
          return 0;
        }

        @Override
        public void scheduleWork(Work work) {
          running.add(work);
          executor.execute(
              () -> {
                try {
                  work.run();
                } finally {
                  running.remove(work);
                }
              });
        }

        @Override
        public void scheduleWork(
            Work work, long timeout, ExecutionContext context, WorkListener listener) {
          scheduleWork(work);
        }
      };

  @Override
  public WorkManager getWorkManager() {
    return workManager;
  }

  /** Works submitted and not yet ended. */
  public int runningWork() {
    return running.size();
  }

  @Override
  public XATerminator getXATerminator() {
    return null;
  }

  @Override
  public Timer createTimer() {
    return new Timer(true);
  }

  @Override
  public boolean isContextSupported(Class<? extends WorkContext> type) {
    return false;
  }

  @Override
  public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
    return null;
  }

  @Override
  public void close() throws InterruptedException {
    running.forEach(Work::release);
    executor.shutdownNow();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
