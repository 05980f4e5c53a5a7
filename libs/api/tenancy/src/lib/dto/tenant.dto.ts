import { ApiProperty } from '@nestjs/swagger';
import { TILL_IDLE_LOCK_SECONDS, type TenantView } from '@kassa/contracts';
import { DiscountLimitsDto } from './discount-limits.dto';

export class TenantDto implements TenantView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'corner-shop' }) slug!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone!: string;
  @ApiProperty({
    example: 'de-DE',
    description: 'BCP 47: how money, numbers and dates are written and typed. Guessed at sign-up from the currency and time zone.',
  })
  locale!: string;
  @ApiProperty() pricesIncludeTax!: boolean;
  @ApiProperty() allowNegativeStock!: boolean;
  @ApiProperty({
    type: DiscountLimitsDto,
    description: 'How far sellers may discount a sale, line and sale discounts together, in basis points of its gross. Owners have no limit.',
  })
  discountLimitBps!: DiscountLimitsDto;
  @ApiProperty({ minimum: TILL_IDLE_LOCK_SECONDS.min, maximum: TILL_IDLE_LOCK_SECONDS.max, description: 'A till left untouched this long locks itself.' })
  tillIdleLockSeconds!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
