import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_RULE, AccessRule } from '@kassa/api/http';

export interface RouteInfo {
  /** `GET /api/v1/users/:id` */
  key: string;
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

const UNPREFIXED = ['health', 'metrics'];

function join(...parts: (string | undefined)[]): string {
  return `/${parts
    .flatMap((part) => (part ?? '').split('/'))
    .filter(Boolean)
    .join('/')}`;
}

/** Every route the app's controllers declare, with its access rule, read from Nest's metadata. */
export function routeInventory(app: NestFastifyApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { prototype: Record<string, unknown> } | null;
      if (!controller) continue;
      const prefix: string = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (typeof handler !== 'function') continue;
        const requestMethod: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
        if (requestMethod === undefined || name === 'constructor') continue;
        const path = join(UNPREFIXED.includes(prefix) ? '' : 'api/v1', prefix, Reflect.getMetadata(PATH_METADATA, handler));
        const method = RequestMethod[requestMethod];
        const rule: AccessRule | undefined = Reflect.getMetadata(ACCESS_RULE, handler) ?? Reflect.getMetadata(ACCESS_RULE, controller);
        routes.push({ key: `${method} ${path}`, method, path, rule });
      }
    }
  }
  return routes;
}
