import { Body, Controller, Get, Module, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import { Public } from '@kassa/api/http';
import { Type } from 'class-transformer';
import { DataSource } from 'typeorm';
import { uuidv7 } from '@kassa/contracts';
import { ArrayMinSize, IsInt, IsString, MaxLength, Min, ValidateNested } from 'class-validator';

class ProbeLineDto {
  @IsString()
  sku!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

class CreateProbeOrderDto {
  @IsString()
  @MaxLength(200)
  name!: string;

  @ValidateNested({ each: true })
  @ArrayMinSize(1)
  @Type(() => ProbeLineDto)
  lines!: ProbeLineDto[];
}

/** A route with a body, mounted only in this suite, to exercise the global pipe and filter. */
@Public()
@Controller('e2e-probe')
class HttpProbeController {
  constructor(private readonly dataSource: DataSource) {}

  /** A constraint only the database enforces: there is one installation row. */
  @Post('second-installation')
  async secondInstallation(): Promise<void> {
    await this.dataSource.query(`INSERT INTO installation (id) VALUES ($1)`, [uuidv7()]);
  }

  @Post('orders')
  create(@Body() body: CreateProbeOrderDto): CreateProbeOrderDto {
    return body;
  }

  @Get('crash')
  crash(): never {
    throw new Error('database password is hunter2 at /srv/secret.ts:42');
  }

  /** An export whose second page fails after the first went out. */
  @Get('crash-mid-stream')
  async crashMidStream(@Res() reply: FastifyReply): Promise<void> {
    const body = new PassThrough();
    reply.header('content-type', 'text/csv').send(body);
    body.write('sku,name\r\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    throw new Error('the second page failed');
  }
}

@Module({ controllers: [HttpProbeController] })
export class HttpProbeModule {}
