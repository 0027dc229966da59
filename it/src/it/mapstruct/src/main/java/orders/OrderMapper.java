package orders;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** MapStruct writes OrderMapperImpl from this interface. */
@Mapper
public interface OrderMapper {
  OrderMapper INSTANCE = Mappers.getMapper(OrderMapper.class);

  @Mapping(target = "label", ignore = true) // LABEL
  OrderDto toDto(Order order);
}
