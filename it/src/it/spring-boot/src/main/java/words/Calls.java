package words;

import java.util.concurrent.atomic.AtomicInteger;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Counts and logs every call that goes through the proxies of the two beans: a CGLIB subclass of
 * {@code WordService}, which implements no interface, and a JDK dynamic proxy of {@code Rule}.
 * Only under the {@code aop} profile, so that without it no bean is proxied and {@link Runner}
 * gets the {@code WordService} Spring constructed.
 */
@Aspect
@Component
@Profile("aop")
public class Calls {

  private final AtomicInteger count = new AtomicInteger();

  @Around("execution(* words.WordService.add(..)) || execution(* words.Rule.accepts(..))")
  public Object around(ProceedingJoinPoint call) throws Throwable {
    int n = count.incrementAndGet();
    String name = call.getSignature().getName() + "(" + call.getArgs()[0] + ")";
    System.out.println("aspect #" + n + " enters " + name);
    try {
      Object result = call.proceed();
      System.out.println("aspect #" + n + " leaves " + name + " = " + result);
      return result;
    } catch (Throwable e) {
      System.out.println("aspect #" + n + " saw " + e);
      throw e;
    }
  }

  public int count() {
    return count.get();
  }
}
