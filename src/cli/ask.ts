// `npm run ask -- "question"`: one answer, readable or as JSON (the evaluation contract).
//   --json           one JSON object: query, answered, topic, confidence, entryId, text, sources, suggestions
//   --long           the claims in full and every source with its address (the default is short)
//   --batch          read one question per line from stdin; one answer (or JSON line) per question, in order
//   --knowledge DIR  use another knowledge directory
import { runEntryPoint } from '../app/entry-point.js';
import { ask } from './ask-command.js';

runEntryPoint(() => ask(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, env: process.env }));
