import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
  validateSync,
} from 'class-validator';
import fc from 'fast-check';
import { compileDtoCheck } from './dto-check';
import { undeclaredNulls } from './undeclared-nulls';
import { fieldErrorsOf } from './validation.pipe';

class ItemDto {
  @Matches(/^[A-Z][A-Z0-9-]{0,7}$/, { message: 'code must be a capital, then up to 7 capitals, digits or dashes' })
  code!: string;
  @IsString() @MinLength(1) @MaxLength(6) name!: string;
  @IsInt() @Min(0) @Max(100) quantity!: number;
  @IsOptional() @IsBoolean() active?: boolean;
  @IsOptional() @IsUUID() groupId?: string;
  @IsOptional() @Matches(/^\d{1,4}$/, { each: true }) @ArrayUnique() @ArrayMaxSize(3) tags?: string[];
  @IsOptional() @IsArray() extras?: unknown[];
  @IsOptional() @IsUrl({ protocols: ['https'], require_protocol: true }) link?: string;
  @ApiProperty({ type: String, nullable: true }) @ValidateIf((_, value) => value !== null) @IsOptional() @IsString() @MaxLength(4) note?: string | null;
}

/** What the validation pipe says of `plain` posted as ItemDto: no error, not even an undeclared null. */
function pipeAccepts(plain: Record<string, unknown>): boolean {
  const instance = plainToInstance(ItemDto, plain);
  const errors = fieldErrorsOf(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true }));
  return errors.length === 0 && undeclaredNulls(instance, errors).length === 0;
}

const holdsNull = (plain: Record<string, unknown>) => Object.values(plain).some((value) => value === null || (Array.isArray(value) && value.includes(null)));

const valueOf = fc.oneof(
  fc.constantFrom(
    'A',
    'B-12',
    'a',
    'ABCDEFGHI',
    '',
    'tea',
    '\uFE0F',
    '😀😀😀😀😀😀',
    '12',
    '0815',
    'https://x.example/a.png',
    'ftp://x.example',
    '0190f0f3-5b4e-7c1a-9d2e-3f4a5b6c7d8e',
  ),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(0, 1, 100, 101, -1, 2.5, Number.NaN, true, false, null, undefined, {}),
  fc.array(fc.constantFrom('1', '22', '1', 'x', null, 3), { maxLength: 5 }),
);
const plainOf = fc.dictionary(fc.constantFrom('code', 'name', 'quantity', 'active', 'groupId', 'tags', 'link', 'note', 'extras', 'colour'), valueOf);
const validItem = fc.record(
  {
    code: fc.constantFrom('A', 'B-12', 'Z9'),
    name: fc.constantFrom('tea', 'x', '😀'),
    quantity: fc.integer({ min: 0, max: 100 }),
    active: fc.boolean(),
    tags: fc.uniqueArray(fc.constantFrom('1', '22', '333'), { maxLength: 3 }),
    note: fc.constantFrom('ok', 'four', null),
    extras: fc.array(fc.constantFrom('x', 1, null), { maxLength: 2 }),
  },
  { requiredKeys: ['code', 'name', 'quantity'] },
);

describe('compileDtoCheck', () => {
  const sut = compileDtoCheck(ItemDto);

  it('says yes exactly when the validation pipe accepts a value with no null in it', () => {
    fc.assert(
      fc.property(fc.oneof(plainOf, validItem), (plain) => {
        expect(sut(plain)).toBe(!holdsNull(plain) && pipeAccepts(plain));
      }),
      { numRuns: 3_000 },
    );
  });

  it('accepts a valid value, and leaves anything with a null or an unknown field to class-validator', () => {
    expect(sut({ code: 'A-1', name: 'tea', quantity: 3, tags: ['1', '22'] })).toBe(true);
    expect(sut({ code: 'A-1', name: 'tea', quantity: 3, note: null })).toBe(false);
    expect(sut({ code: 'A-1', name: 'tea', quantity: 3, colour: 'red' })).toBe(false);
    expect(sut({ code: 'A-1', name: 'tea', quantity: 3, tags: ['1', '1'] })).toBe(false);
    expect(sut({ code: 'A-1', name: 'tea' })).toBe(false);
  });

  it('refuses a DTO whose values class-transformer changes, or whose rules nest', () => {
    class Trimmed {
      @Transform(({ value }) => String(value).trim()) @IsString() name!: string;
    }
    class Nested {
      @ValidateNested() @Type(() => ItemDto) item!: ItemDto;
    }
    expect(() => compileDtoCheck(Trimmed)).toThrow('Trimmed.name: class-transformer changes this property');
    expect(() => compileDtoCheck(Nested)).toThrow('Nested.item');
  });
});
