import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min, registerDecorator, ValidateIf } from 'class-validator';
import { type Discount, MAX_AMOUNT_MINOR } from '@kassa/contracts';

/** Refuses the property when `other` is given too. */
function NotWith(other: string) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'notWith',
      target: target.constructor,
      propertyName,
      options: { message: `give ${propertyName} or ${other}, not both` },
      validator: { validate: (value: unknown, args) => value === undefined || (args?.object as Record<string, unknown>)[other] === undefined },
    });
}

/** `{ percentBps }` or `{ amountMinor }`: exactly one. */
export class DiscountDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 10_000, description: 'Percentage in basis points: 1000 = 10 %.' })
  @ValidateIf((discount: DiscountDto) => discount.amountMinor === undefined || discount.percentBps !== undefined)
  @NotWith('amountMinor')
  @IsInt()
  @Min(0)
  @Max(10_000)
  percentBps?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'An amount off, in minor units.' })
  @ValidateIf((discount: DiscountDto) => discount.percentBps === undefined || discount.amountMinor !== undefined)
  @IsInt()
  @Min(0)
  @Max(MAX_AMOUNT_MINOR)
  amountMinor?: number;
}

export const discountOf = (dto: DiscountDto | undefined): Discount | undefined =>
  dto === undefined ? undefined : dto.percentBps !== undefined ? { percentBps: dto.percentBps } : { amountMinor: dto.amountMinor ?? 0 };
