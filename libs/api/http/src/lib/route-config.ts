import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';

/**
 * Adds `part` to a route's Fastify `config`, which Fastify hooks read as `request.routeOptions.config`. Nest's
 * @RouteConfig() sets the config whole, so two decorators using it on one route would lose one of them.
 */
export const AddRouteConfig =
  (part: Record<string, unknown>): MethodDecorator =>
  (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as Record<string, unknown> | undefined) ?? {};
    Reflect.defineMetadata(FASTIFY_ROUTE_CONFIG_METADATA, { ...config, ...part }, handler);
  };
