// An entry point with a bug: a plain error escapes main.
import { runEntryPoint } from '../../../src/app/entry-point.js';

runEntryPoint(() => {
  throw new TypeError('cannot read the thing');
});
