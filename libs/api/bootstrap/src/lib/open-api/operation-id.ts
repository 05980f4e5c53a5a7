/**
 * Verb-noun operationIds from the controller and its method: `ProductsController.list` → `listProducts`,
 * `SalesController.void` → `voidSale`. A route whose name does not read that way sets `operationId` in its ApiOperation.
 */
export function operationIdOf(controllerKey: string, methodKey: string): string {
  const noun = controllerKey.replace(/Controller$/, '');
  if (methodKey === 'list') return `list${noun}`;
  if (/^[a-z]+$/.test(methodKey)) return `${methodKey}${singular(noun)}`;
  return methodKey;
}

function singular(noun: string): string {
  if (noun.endsWith('ies')) return `${noun.slice(0, -3)}y`;
  if (noun.endsWith('s') && !noun.endsWith('ss')) return noun.slice(0, -1);
  return noun;
}
