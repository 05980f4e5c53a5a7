import { ApiProperty } from '@nestjs/swagger';
import type { StoreView } from '@kassa/contracts';

export class StoreDto implements StoreView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'BER-1' }) code!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class StoreListDto {
  @ApiProperty({ type: [StoreDto] }) items!: StoreDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
