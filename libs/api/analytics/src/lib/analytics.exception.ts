import { invalidField } from '@kassa/api/http';

export const rangeReversed = () => invalidField('from', 'must not be after to', 'The period ends before it starts.');

export const rangeTooLong = (maxDays: number) => invalidField('from', `the period may span at most ${maxDays} days`, 'The period is too long.');
