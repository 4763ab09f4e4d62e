// Which backend a text runs Keras on: "Keras with the TensorFlow backend", "Keras 3 on the PyTorch
// backend", "KERAS_BACKEND=jax", "keras backend torch". Keras names no framework of its own (Keras
// 3 runs on JAX, PyTorch and TensorFlow), so a question about Keras on one backend and an entry
// about Keras on another share nearly every word and still answer different questions: "Keras on
// TensorFlow does not use my GPU" is not answered by how the PyTorch backend picks its device.
import { normalizeText } from '../text/normalize.js';

export type KerasBackend = 'jax' | 'pytorch' | 'tensorflow';

const NAME = '(?:jax|pytorch|torch|tensorflow|tf)';
/** "the jax, tensorflow or pytorch backend(s)": one or more names before "backend". */
const NAMES_BEFORE = new RegExp(`\\b(${NAME}(?:\\s*(?:,|or|and|/)\\s*${NAME})*)\\s+backends?\\b`, 'g');
/** Each name in such a list. */
const ONE_NAME = new RegExp(`\\b${NAME}\\b`, 'g');
/** "backend torch", "keras_backend=jax", "backend: tensorflow", "backend set to jax". */
const NAME_AFTER = new RegExp(`(?:\\b|_)backend["'\\]]*(?:\\s*[=:]\\s*|\\s+(?:set to |is )?)["']?(${NAME})\\b`, 'g');

function backendOf(name: string): KerasBackend {
  if (name === 'jax') return 'jax';
  return name === 'torch' || name === 'pytorch' ? 'pytorch' : 'tensorflow';
}

/** The Keras backends a text names (empty when it names none). */
export function readKerasBackends(text: string): Set<KerasBackend> {
  const normalized = normalizeText(text);
  const found = new Set<KerasBackend>();
  if (!normalized.includes('backend')) return found;
  for (const match of normalized.matchAll(NAMES_BEFORE)) {
    for (const name of match[1]!.match(ONE_NAME) ?? []) found.add(backendOf(name));
  }
  for (const match of normalized.matchAll(NAME_AFTER)) found.add(backendOf(match[1]!));
  return found;
}

/** Whether a question about Keras on some backends is answered by an entry about Keras on others only. */
export function backendsDisagree(question: ReadonlySet<KerasBackend>, entry: ReadonlySet<KerasBackend>): boolean {
  if (question.size === 0 || entry.size === 0) return false;
  for (const backend of question) if (entry.has(backend)) return false;
  return true;
}
