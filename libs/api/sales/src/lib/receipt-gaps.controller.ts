import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { RegistersService } from '@kassa/api/tenancy';
import { ReceiptGapsDto } from './dto/receipt-gaps.dto';
import { receiptGaps } from './receipt-gaps';

@ApiTags('sales')
@ApiBearerAuth()
@Controller('registers')
export class ReceiptGapsController {
  constructor(private readonly registers: RegistersService) {}

  @Get(':id/gaps')
  @ApiOperation({
    operationId: 'listReceiptGaps',
    summary: "List a register's receipt gaps",
    description: "Receipt numbers up to the register's last with no sale recorded.",
  })
  @RequirePermissions('sales:read')
  @ApiOkResponse({ type: ReceiptGapsDto, description: "Receipt numbers up to the register's last with no sale recorded." })
  async gaps(@Ctx() context: RequestContext, @IdParam() id: string): Promise<ReceiptGapsDto> {
    const register = await this.registers.get(context, id);
    return { registerId: id, lastReceiptNumber: register.lastReceiptNumber, ...(await receiptGaps(context, id, register.lastReceiptNumber)) };
  }
}
