import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { RegisterFavouritesDto, ReplaceRegisterFavouritesDto } from './dto/register-favourites.dto';
import { RegisterFavouritesService } from './register-favourites.service';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('registers/:id/favourites')
export class RegisterFavouritesController {
  constructor(private readonly favourites: RegisterFavouritesService) {}

  @Get()
  @ApiOperation({ summary: "List a register's favourites", description: "The products the register's till shows first, in order." })
  @RequirePermissions('stores:read')
  @ApiOkResponse({ type: RegisterFavouritesDto, description: "The products the register's till shows first, in order." })
  list(@Ctx() context: RequestContext, @IdParam() registerId: string): Promise<RegisterFavouritesDto> {
    return this.favourites.list(context, registerId);
  }

  @Put()
  @ApiOperation({
    operationId: 'replaceRegisterFavourites',
    summary: "Replace a register's favourites",
    description: 'Replaces the whole list: at most 48, each product once.',
  })
  @RequirePermissions('stores:manage')
  @ApiOkResponse({ type: RegisterFavouritesDto, description: 'Replaces the whole list (managers and owners); at most 48, each product once.' })
  replace(@Ctx() context: RequestContext, @IdParam() registerId: string, @Body() input: ReplaceRegisterFavouritesDto): Promise<RegisterFavouritesDto> {
    return this.favourites.replace(context, registerId, input);
  }
}
