import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, RequirePermissions } from '@kassa/api/http';
import { ImportMappingDto, ImportMappingParamsDto, PutImportMappingDto } from './dto/import-mapping.dto';
import { ImportMappingsService } from './import-mappings.service';

@ApiTags('imports')
@ApiBearerAuth()
@Controller('import-mappings')
export class ImportMappingsController {
  constructor(private readonly mappings: ImportMappingsService) {}

  @Get(':kind')
  @ApiOperation({ summary: 'Get a saved import mapping', description: 'The column mapping last used to import this kind of spreadsheet.' })
  @RequirePermissions('imports:manage')
  @ApiOkResponse({ type: ImportMappingDto, description: 'The mapping the shop confirmed for this import; `{}` and updatedAt null before one is.' })
  get(@Ctx() context: RequestContext, @Param() params: ImportMappingParamsDto): Promise<ImportMappingDto> {
    return this.mappings.get(context, params.kind);
  }

  @Put(':kind')
  @ApiOperation({
    operationId: 'saveImportMapping',
    summary: 'Save an import mapping',
    description: 'Remembers a spreadsheet column mapping for the next import of this kind.',
  })
  @RequirePermissions('imports:manage')
  @ApiOkResponse({
    type: ImportMappingDto,
    description: 'Remembers the mapping the user confirmed (replacing the stored one); 400 import_mapping_invalid naming the column.',
  })
  put(@Ctx() context: RequestContext, @Param() params: ImportMappingParamsDto, @Body() body: PutImportMappingDto): Promise<ImportMappingDto> {
    return this.mappings.put(context, params.kind, body.mapping);
  }
}
