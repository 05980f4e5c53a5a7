import { Module } from '@nestjs/common';
import { SaleFactsService } from './sale-facts.service';

/** Sales as analytics aggregates them, without the rest of sales: the worker's rollup consumer needs only this. */
@Module({
  providers: [SaleFactsService],
  exports: [SaleFactsService],
})
export class SaleFactsModule {}
