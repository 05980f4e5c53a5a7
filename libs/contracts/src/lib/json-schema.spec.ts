import { EVENT_DATA_SCHEMAS } from './event-data';
import { EVENT_TYPES } from './events';
import { array, literal, minor, nullable, object, oneOf, string, union, uuid } from './json-schema';

describe('typed JSON Schema', () => {
  it('closes objects and requires every property it lists', () => {
    expect(object({ id: uuid(), note: nullable(string()) })).toEqual({
      type: 'object',
      required: ['id', 'note'],
      properties: { id: { type: 'string', format: 'uuid' }, note: { type: ['string', 'null'] } },
      additionalProperties: false,
    });
  });

  it('writes null as JSON Schema 2020-12 does: among the types of a scalar, in the enum of an enum, beside an object', () => {
    expect(nullable(minor({ description: 'x' }))).toEqual({ type: ['integer', 'null'], format: 'int64', description: 'x' });
    expect(nullable(oneOf(['a', 'b'] as const))).toEqual({ type: ['string', 'null'], enum: ['a', 'b', null] });
    const named = object({ a: literal('a') }, { title: 'A' });
    expect(nullable(named)).toEqual({ anyOf: [named, { type: 'null' }] });
    expect(nullable(array(string()))).toEqual({ anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }] });
    expect(union([object({ x: minor() }), object({ y: minor() })])).toMatchObject({ oneOf: [{ required: ['x'] }, { required: ['y'] }] });
  });

  it('has a closed, titled data schema for every event type', () => {
    for (const type of EVENT_TYPES) expect(EVENT_DATA_SCHEMAS[type]).toMatchObject({ type: 'object', additionalProperties: false, title: expect.any(String) });
  });
});
