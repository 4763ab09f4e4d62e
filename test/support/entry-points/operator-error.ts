// An entry point that stops on something the operator must fix.
import { runEntryPoint } from '../../../src/app/entry-point.js';
import { OperatorError } from '../../../src/errors.js';

runEntryPoint(async () => {
  await Promise.resolve();
  throw new OperatorError('PORT is taken: choose another one.', 3);
});
