import { ApiProperty } from '@nestjs/swagger';
import { OFFLINE_MAX_HOURS, TILL_IDLE_LOCK_SECONDS, type TenantView } from '@kassa/contracts';
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
  @ApiProperty({ description: 'Tills take card tenders without the network (each marked `offline` on the tender); else only cash.' })
  offlineCardAllowed!: boolean;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The largest sale a till completes without the network; null: no limit.' })
  offlineMaxSaleMinor!: number | null;
  @ApiProperty({
    minimum: OFFLINE_MAX_HOURS.min,
    maximum: OFFLINE_MAX_HOURS.max,
    description: 'Hours a till may go without reaching Kassa before it stops selling and asks for the network.',
  })
  offlineMaxHours!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
