import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { undeclaredNulls } from './undeclared-nulls';

class DiscountDto {
  @ApiPropertyOptional() percentBps?: number;
}

class LineDto {
  @ApiProperty() productId!: string;
  @ApiPropertyOptional({ type: DiscountDto }) discount?: DiscountDto;
}

class UpdateDto {
  @ApiPropertyOptional({ type: String, nullable: true }) description?: string | null;
  @ApiPropertyOptional({ type: DiscountDto }) discount?: DiscountDto;
  @ApiPropertyOptional({ type: [String] }) storeIds?: string[];
  @ApiPropertyOptional({ type: [LineDto] }) lines?: LineDto[];
}

const dto = <T extends object>(type: new () => T, values: Partial<T>): T => Object.assign(new type(), values);

describe('undeclaredNulls', () => {
  it('lets null through where the API document declares the field nullable', () => {
    expect(undeclaredNulls(dto(UpdateDto, { description: null }))).toEqual([]);
  });

  it('names every other null, in nested DTOs and arrays too', () => {
    const sut = dto(UpdateDto, {
      discount: null as unknown as DiscountDto,
      storeIds: ['a', null as unknown as string],
      lines: [dto(LineDto, { productId: 'p', discount: null as unknown as DiscountDto })],
    });
    expect(undeclaredNulls(sut).map((error) => error.field)).toEqual(['discount', 'storeIds.1', 'lines.0.discount']);
  });

  it('leaves out fields already reported', () => {
    const sut = dto(UpdateDto, { discount: null as unknown as DiscountDto, storeIds: null as unknown as string[] });
    expect(undeclaredNulls(sut, [{ field: 'storeIds', message: 'must be an array' }]).map((error) => error.field)).toEqual(['discount']);
  });
});
