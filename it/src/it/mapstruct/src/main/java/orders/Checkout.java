package orders;

import dev.hotrestart.HotRestartable;

@HotRestartable
public class Checkout {
  public String show(Order order) {
    OrderDto dto = OrderMapper.INSTANCE.toDto(order);
    return dto.getLabel().toUpperCase() + " " + dto.getAmount(); // SHOW
  }
}
