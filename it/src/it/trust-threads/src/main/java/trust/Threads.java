package trust;

import java.util.concurrent.CountDownLatch;

public final class Threads {
  public static void main(String[] args) throws InterruptedException {
    Worker worker = HotRestart_Worker.create();
    CountDownLatch go = new CountDownLatch(1);
    Thread[] threads = new Thread[2];
    for (int i = 0; i < threads.length; i++) {
      String name = "worker-" + (i + 1);
      threads[i] =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                System.out.println(name + ": " + worker.work(name));
              },
              name);
      threads[i].start();
    }
    go.countDown(); // both crash at once
    for (Thread thread : threads) {
      thread.join();
    }
    System.out.println("done");
  }
}
